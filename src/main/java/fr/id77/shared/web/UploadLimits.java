package fr.id77.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The servlet's bounds on uploads follow the application's own rule (`id77.attachments.max-size`): one file at most
 * that size, one post at most {@value #FILES_PER_POST} files' worth, so nothing larger is ever written to the temporary
 * directory. An upload from someone not signed in is refused before its body is read (see {@link #anonymousUploadsRefused}).
 */
@Configuration
public class UploadLimits {

    /** How many files of the maximum size one post may carry. */
    public static final int FILES_PER_POST = 4;

    /** The largest post carrying files, derived from the largest file. */
    public static long perPost(DataSize maxFile) {
        return maxFile.toBytes() * FILES_PER_POST;
    }

    @Bean
    MultipartConfigElement multipartConfigElement(
            @Value("${id77.attachments.max-size:150MB}") DataSize maxFile,
            @Value("${spring.servlet.multipart.file-size-threshold:1MB}") DataSize threshold) {
        return new MultipartConfigElement("", maxFile.toBytes(), perPost(maxFile), (int) threshold.toBytes());
    }

    /**
     * Placed before the CSRF check, which would otherwise read (and store on disk) the whole multipart body to find
     * its token: a multipart post from someone not signed in is sent to the sign-in page unread.
     */
    static OncePerRequestFilter anonymousUploadsRefused() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String type = request.getContentType();
                Authentication who = SecurityContextHolder.getContext().getAuthentication();
                boolean signedIn =
                        who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
                if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/") && !signedIn) {
                    response.sendRedirect(request.getContextPath() + "/connexion");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
