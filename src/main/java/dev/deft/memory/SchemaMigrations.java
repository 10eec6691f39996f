package dev.deft.memory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database schema up to date by running the numbered scripts {@code db/migration/V1.sql},
 * {@code V2.sql}, … from the classpath that it has not run yet, with H2's own {@code RUNSCRIPT}, and records each
 * version once its script has run. H2 commits DDL as it goes, so scripts use {@code IF NOT EXISTS} and can be run
 * again after a failure half-way. A new version of the schema is a new numbered file; a released file is never
 * edited.
 */
final class SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String FOLDER = "db/migration/";

    private SchemaMigrations() {
    }

    /** Runs the scripts the database lacks; returns the schema version it is now at. */
    static int apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INT PRIMARY KEY, applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP)");
        }
        int version = current(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int next = version + 1; exists(next); next++) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("RUNSCRIPT FROM 'classpath:/" + FOLDER + "V" + next + ".sql'");
                    statement.execute("INSERT INTO schema_version (version) VALUES (" + next + ")");
                    connection.commit();
                    version = next;
                    LOG.info("Journal schema migrated to version {}", next);
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return version;
    }

    private static int current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean exists(int version) {
        return SchemaMigrations.class.getClassLoader().getResource(FOLDER + "V" + version + ".sql") != null;
    }
}
