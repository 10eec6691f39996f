package dev.deft.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deft.app.DeftWorkspace;
import dev.deft.core.ApprovalDecision;
import dev.deft.core.ApprovalGate;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.RecordedStep;
import dev.deft.core.RunControl;
import dev.deft.core.RunListener;
import dev.deft.core.RunResult;
import dev.deft.core.RunSpec;
import dev.deft.core.RunStatus;
import dev.deft.demo.DemoServer;
import dev.deft.demo.SignUpEpisodes;
import dev.deft.skill.Skill;
import dev.deft.skill.SkillDrafts;
import dev.deft.skill.SkillFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/**
 * The lab's sign-up task, whose values, field order, ids, classes and decoys change on every load: recorded once by
 * real input on a visible Chromium, then replayed as a skill on 20 fresh episodes with their own values. The count of
 * episodes done is written to {@code target/skill-episodes.txt} (docs/BENCHMARKS.md keeps the figure).
 */
class SignUpEpisodesIT {
    private static final int EPISODES = 20;

    @TempDir
    Path home;

    @Test
    void aSkillRecordedOnOneEpisodeDoesTwentyFreshOnes() throws Exception {
        try (DemoServer server = DemoServer.start()) {
            SignUpEpisodes.Episode shown = server.signUps().next();
            List<RecordedStep> steps = record(server, shown);
            assertThat(server.signUps().results()).singleElement().satisfies(r -> assertThat(r.success()).isTrue());
            assertThat(steps).extracting(s -> s.action().kind())
                    .containsExactly("open_url", "type", "type", "select", "check", "click");

            Skill skill = SkillDrafts.fromRecording("sign-up", "Sign someone up in the lab.",
                    List.of("sign up {full_name} with the email {email} on the {plan} plan"), steps);
            assertThat(skill.parameters()).extracting(p -> p.name()).containsExactly("full_name", "email", "plan");
            Files.createDirectories(home.resolve("data/skills"));
            SkillFiles.write(skill, home.resolve("data/skills/sign-up.json"));

            List<String> failures = new ArrayList<>();
            int done = 0;
            try (DeftWorkspace deft = DeftWorkspace.open(Map.of("DEFT_DATA_DIR", home.resolve("data").toString(),
                    "DEFT_CONFIG", home.resolve("config.json").toString(), "OLLAMA_HOST", "127.0.0.1:1",
                    "DEFT_BUILTIN_SKILLS", home.resolve("none").toString()), Clock.systemUTC())) {
                for (int i = 0; i < EPISODES; i++) {
                    SignUpEpisodes.Episode episode = server.signUps().next();
                    RunResult result = deft.runSkill("sign-up", Map.of("full_name", episode.name(), "email",
                            episode.email(), "plan", episode.plan()), spec(), yes(), RunListener.NONE, new RunControl());
                    List<SignUpEpisodes.Result> results = server.signUps().results();
                    SignUpEpisodes.Result last = results.get(results.size() - 1);
                    if (result.status() == RunStatus.DONE && last.episode() == episode.number() && last.success()) {
                        done++;
                    } else {
                        failures.add("episode " + episode.number() + ": " + result.summary() + " / " + last);
                    }
                }
            }
            Files.writeString(Path.of("target", "skill-episodes.txt"), done + " of " + EPISODES
                    + " fresh sign-up episodes done by the recorded skill, with no model\n" + String.join("\n", failures));
            assertThat(done).as(String.join("\n", failures)).isEqualTo(EPISODES);
        }
    }

    /** A person signs the shown episode up, by pointer and keyboard. */
    private List<RecordedStep> record(DemoServer server, SignUpEpisodes.Episode episode) throws Exception {
        BrowserSettings settings = BrowserSettings.defaults(System.getenv(), home).withHeadless(false).withIncognito();
        try (BrowserRecorder recorder = BrowserRecorder.start(settings, server.url("lab/signup.html"))) {
            WebDriver page = recorder.driver();
            RealInput.await(page, "return !!document.querySelector('[data-k=go]')");
            RealInput.typeInto(page, "[data-k=name]", episode.name());
            RealInput.typeInto(page, "[data-k=email]", episode.email());
            RealInput.clickOn(page, "[data-k=plan]");
            RealInput.type(episode.plan());
            RealInput.key("Return");
            RealInput.await(page, "return document.querySelector('[data-k=plan]').value === '" + episode.plan() + "'");
            RealInput.clickOn(page, "[data-k=agreed]");
            RealInput.clickOn(page, "[data-k=go]");
            RealInput.await(page, "return document.getElementById('outcome').textContent.includes('Account created')");
            return recorder.stop();
        }
    }

    private static RunSpec spec() {
        return RunSpec.builder("skill sign-up").planner(RunSpec.PlannerChoice.SKILL).maxSteps(20)
                .surface(RunSpec.SurfaceChoice.BROWSER).headless(true).incognito(true).build();
    }

    private static ApprovalGate yes() {
        return new ApprovalGate() {
            @Override
            public CompletableFuture<ApprovalDecision> request(ApprovalRequest request) {
                return CompletableFuture.completedFuture(new ApprovalDecision(true, "test person", Instant.now()));
            }
        };
    }



}
