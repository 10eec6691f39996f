package dev.deft.memory;

import dev.deft.core.Brief;
import dev.deft.core.DeftException;
import dev.deft.core.RiskClass;
import dev.deft.core.RunEvent;
import dev.deft.core.RunJournal;
import dev.deft.core.RunStatus;
import dev.deft.core.StepStatus;
import dev.deft.core.TokenUsage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal in an H2 file database in the data folder. Every event is committed as it arrives, with
 * {@code WRITE_DELAY=0}, so a process killed mid-run leaves every finished step readable; the next journal opened
 * marks such a run {@code interrupted}. {@code AUTO_SERVER} lets the window and the command line share it.
 */
public final class H2RunJournal implements RunJournal {
    private static final Logger LOG = LoggerFactory.getLogger(H2RunJournal.class);

    private final Connection connection;
    private final long pid = ProcessHandle.current().pid();

    private H2RunJournal(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if need be) the journal in {@code folder}, brings its schema up to date and marks dead runs. */
    public static H2RunJournal open(Path folder) {
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("journal") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
        try {
            Connection connection = DriverManager.getConnection(url, "deft", "");
            try {
                SchemaMigrations.apply(connection);
                H2RunJournal journal = new H2RunJournal(connection);
                journal.markInterrupted();
                return journal;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            LOG.error("Cannot open the journal at {}", url, e);
            throw new DeftException.Configuration("Cannot open the journal in " + folder + ": "
                    + Brief.firstLine(e.getMessage(), "unknown error", 160) + ". Check that the folder is writable, or set DEFT_DATA_DIR.", e);
        }
    }

    @Override
    public synchronized void on(RunEvent event) {
        try {
            write(event);
        } catch (SQLException e) {
            throw new DeftException("Could not write " + event.name() + " of run " + event.run() + " to the journal: "
                    + Brief.firstLine(e.getMessage(), "unknown error", 160), e);
        }
    }

    private void write(RunEvent event) throws SQLException {
        if (event instanceof RunEvent.RunStarted e) {
            update("INSERT INTO runs (id, request, planner, status, started_at, pid, skill) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    e.run(), e.request(), e.planner(), RunStatus.RUNNING.wire(), time(e.at()), pid, e.skill().orElse(null));
        } else if (event instanceof RunEvent.PlanMade e) {
            update("INSERT INTO decisions (run_id, seq, after_step, planner, thought, actions, llm_calls, made_at, "
                            + "input_tokens, output_tokens) "
                            + "SELECT ?, COALESCE(MAX(seq), 0) + 1, (SELECT COUNT(*) FROM steps WHERE run_id = ?), "
                            + "?, ?, ?, ?, ?, ?, ? FROM decisions WHERE run_id = ?",
                    e.run(), e.run(), e.planner(), e.thought(), e.actions(), e.llmCalls(), time(e.at()),
                    e.tokens().input(), e.tokens().output(), e.run());
            update("UPDATE runs SET planner = ?, llm_calls = llm_calls + ?, input_tokens = input_tokens + ?, "
                            + "output_tokens = output_tokens + ? WHERE id = ?", e.planner(), e.llmCalls(),
                    e.tokens().input(), e.tokens().output(), e.run());
        } else if (event instanceof RunEvent.RunPaused e) {
            person(e.run(), "Paused for " + e.by() + " to act (took over).", e.at());
        } else if (event instanceof RunEvent.RunResumed e) {
            person(e.run(), "Resumed by " + e.by() + "; looking at the page afresh.", e.at());
        } else if (event instanceof RunEvent.StepPlanned e) {
            update("INSERT INTO steps (run_id, step, kind, action, risk, reason, planned_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    e.run(), e.step(), e.action().kind(), e.action().describe(), e.risk().name(), e.reason(),
                    time(e.at()));
            update("UPDATE runs SET steps = ? WHERE id = ?", e.step(), e.run());
        } else if (event instanceof RunEvent.ApprovalRequested e) {
            update("INSERT INTO approvals (run_id, step, ask, risk, summary, payload, requested_at) "
                            + "SELECT ?, ?, COALESCE(MAX(ask), 0) + 1, ?, ?, ?, ? FROM approvals WHERE run_id = ? AND step = ?",
                    e.run(), e.request().step(), e.request().risk().name(), e.request().summary(),
                    payloadText(e.request().payload()), time(e.at()), e.run(), e.request().step());
        } else if (event instanceof RunEvent.ApprovalDecided e) {
            update("UPDATE approvals SET approved = ?, decided_by = ?, decided_at = ? WHERE run_id = ? AND step = ? "
                            + "AND ask = (SELECT MAX(ask) FROM approvals WHERE run_id = ? AND step = ?)",
                    e.approved(), e.by(), time(e.at()), e.run(), e.step(), e.run(), e.step());
        } else if (event instanceof RunEvent.StepFinished e) {
            update("UPDATE steps SET status = ?, attempts = attempts + 1, millis = ?, detail = ?, read_value = ?, "
                            + "screenshot = ?, finished_at = ? WHERE run_id = ? AND step = ?",
                    e.status().wire(), e.millis(), e.detail(), e.value().orElse(null), e.screenshot().orElse(null),
                    time(e.at()), e.run(), e.step());
        } else if (event instanceof RunEvent.RunFinished e) {
            update("UPDATE runs SET status = ?, summary = ?, steps = ?, llm_calls = ?, input_tokens = ?, "
                            + "output_tokens = ?, finished_at = ? WHERE id = ?",
                    e.status().wire(), e.summary(), e.steps(), e.llmCalls(), e.tokens().input(), e.tokens().output(),
                    time(e.at()), e.run());
        }
    }

    /** A person's turn in a run, kept beside the planners' decisions (their planner is {@code person}). */
    private void person(String run, String what, java.time.Instant at) throws SQLException {
        update("INSERT INTO decisions (run_id, seq, after_step, planner, thought, actions, llm_calls, made_at) "
                        + "SELECT ?, COALESCE(MAX(seq), 0) + 1, (SELECT COUNT(*) FROM steps WHERE run_id = ?), "
                        + "'person', ?, 0, 0, ? FROM decisions WHERE run_id = ?",
                run, run, what, time(at), run);
    }

    @Override
    public synchronized List<RunSummary> recent(int limit) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT * FROM runs ORDER BY started_at DESC, id DESC LIMIT ?")) {
            query.setInt(1, Math.max(0, limit));
            return summaries(query);
        } catch (SQLException e) {
            throw new DeftException("Could not read the journal: " + Brief.firstLine(e.getMessage(), "unknown error", 160), e);
        }
    }

    @Override
    public synchronized Map<String, SkillTally> skillTallies() {
        Map<String, SkillTally> tallies = new java.util.TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT skill, COUNT(*) AS runs, "
                + "SUM(CASE WHEN status = ? THEN 1 ELSE 0 END) AS done, MAX(started_at) AS last_run "
                + "FROM runs WHERE skill IS NOT NULL GROUP BY skill")) {
            query.setString(1, RunStatus.DONE.wire());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String skill = rows.getString("skill");
                    tallies.put(skill, new SkillTally(skill, rows.getInt("runs"), rows.getInt("done"),
                            instant(rows, "last_run")));
                }
            }
            return tallies;
        } catch (SQLException e) {
            throw new DeftException("Could not read the journal: " + Brief.firstLine(e.getMessage(), "unknown error", 160), e);
        }
    }

    @Override
    public synchronized Optional<RunRecord> find(String runIdOrPrefix) {
        String wanted = runIdOrPrefix == null ? "" : runIdOrPrefix.strip();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT * FROM runs WHERE id = ? OR id LIKE ? ESCAPE '\\' ORDER BY (id = ?) DESC, id LIMIT 6")) {
            query.setString(1, wanted);
            query.setString(2, wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            query.setString(3, wanted);
            List<RunSummary> matches = summaries(query);
            if (matches.isEmpty()) {
                return Optional.empty();
            }
            RunSummary run = matches.get(0);
            if (!run.id().equals(wanted) && matches.size() > 1) {
                throw new DeftException.Configuration("More than one run starts with \"" + wanted + "\": "
                        + matches.stream().map(RunSummary::id).collect(Collectors.joining(", ")) + "; give more of the id.");
            }
            return Optional.of(new RunRecord(run, decisions(run.id()), steps(run.id()), approvals(run.id())));
        } catch (SQLException e) {
            throw new DeftException("Could not read the journal: " + Brief.firstLine(e.getMessage(), "unknown error", 160), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the journal failed", e);
        }
    }

    /** Runs left {@code running} by a process that is gone were interrupted: say so, once. */
    private void markInterrupted() throws SQLException {
        List<String> dead = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, pid FROM runs WHERE status = ?")) {
            query.setString(1, RunStatus.RUNNING.wire());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long owner = rows.getLong("pid");
                    boolean alive = owner != pid && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
                    if (!alive) {
                        dead.add(rows.getString("id"));
                    }
                }
            }
        }
        for (String id : dead) {
            update("UPDATE runs SET status = ?, summary = 'Interrupted: Deft stopped before the run finished.' "
                    + "WHERE id = ? AND status = ?", RunStatus.INTERRUPTED.wire(), id, RunStatus.RUNNING.wire());
            LOG.info("Run {} was interrupted", id);
        }
    }

    private List<RunSummary> summaries(PreparedStatement query) throws SQLException {
        List<RunSummary> runs = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                runs.add(new RunSummary(rows.getString("id"), rows.getString("request"), rows.getString("planner"),
                        RunStatus.fromWire(rows.getString("status")), nonNull(rows.getString("summary")),
                        rows.getInt("steps"), rows.getInt("llm_calls"), instant(rows, "started_at").orElseThrow(),
                        instant(rows, "finished_at"),
                        new TokenUsage(rows.getLong("input_tokens"), rows.getLong("output_tokens"), 0)));
            }
        }
        return runs;
    }

    private List<DecisionRecord> decisions(String run) throws SQLException {
        List<DecisionRecord> decisions = new ArrayList<>();
        try (PreparedStatement query = prepare("SELECT * FROM decisions WHERE run_id = ? ORDER BY seq", run);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                decisions.add(new DecisionRecord(rows.getInt("after_step"), rows.getString("planner"),
                        nonNull(rows.getString("thought")), rows.getInt("actions"), rows.getInt("llm_calls")));
            }
        }
        return decisions;
    }

    private List<StepRecord> steps(String run) throws SQLException {
        List<StepRecord> steps = new ArrayList<>();
        try (PreparedStatement query = prepare("SELECT * FROM steps WHERE run_id = ? ORDER BY step", run);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String status = rows.getString("status");
                steps.add(new StepRecord(rows.getInt("step"), rows.getString("kind"), rows.getString("action"),
                        RiskClass.valueOf(rows.getString("risk")), nonNull(rows.getString("reason")),
                        Optional.ofNullable(status).map(s -> StepStatus.valueOf(s.toUpperCase(Locale.ROOT))),
                        rows.getLong("millis"), nonNull(rows.getString("detail")),
                        Optional.ofNullable(rows.getString("read_value")), Optional.ofNullable(rows.getString("screenshot"))));
            }
        }
        return steps;
    }

    private List<ApprovalRecord> approvals(String run) throws SQLException {
        List<ApprovalRecord> approvals = new ArrayList<>();
        try (PreparedStatement query = prepare("SELECT * FROM approvals WHERE run_id = ? ORDER BY step, ask", run);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                boolean approved = rows.getBoolean("approved");
                Optional<Boolean> decided = rows.wasNull() ? Optional.empty() : Optional.of(approved);
                approvals.add(new ApprovalRecord(rows.getInt("step"), RiskClass.valueOf(rows.getString("risk")),
                        rows.getString("summary"), rows.getString("payload"), decided,
                        nonNull(rows.getString("decided_by")), instant(rows, "requested_at").orElseThrow(),
                        instant(rows, "decided_at")));
            }
        }
        return approvals;
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Optional<Instant> instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }

    private static String payloadText(Map<String, String> payload) {
        return payload.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
