package fr.id77.shared.files;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link FileReferences} of a module that keeps its file keys in one column of one of its tables. */
public abstract class ColumnFileReferences implements FileReferences {

    private final JdbcClient jdbc;
    private final String query;

    protected ColumnFileReferences(JdbcClient jdbc, String table, String column) {
        this.jdbc = jdbc;
        this.query = "SELECT " + column + " FROM " + table + " WHERE " + column + " IN (:keys)";
    }

    @Override
    public Set<String> referencedAmong(Collection<String> keys) {
        return keys.isEmpty()
                ? Set.of()
                : new HashSet<>(
                        jdbc.sql(query).param("keys", keys).query(String.class).list());
    }
}
