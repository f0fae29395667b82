package fr.id77.shared.web;

/** The address of each page of a list that has no filter to carry: {@code /notifications?page=3}. */
public record PageAddress(String path) {

    /** The address of page {@code n}. */
    public String pageUrl(int n) {
        return path + "?page=" + n;
    }
}
