package dev.deft.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deft.core.Action;
import dev.deft.core.DeftException;
import dev.deft.core.Locator;
import dev.deft.core.SkillBook;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skill files: what loads, what is refused with its path and first problem, and that one bad file spoils nothing. */
class SkillFilesTest {
    @TempDir
    Path folder;

    static String sendEmail() {
        try (InputStream in = SkillFilesTest.class.getResourceAsStream("/skills/send-email.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{site}}", "http://127.0.0.1:47913/");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    void aRecordedSkillLoadsWithItsParametersAndLocatorsInOrder() throws IOException {
        Skill skill = SkillFiles.read(file("send-email.json", sendEmail()));

        assertThat(skill.name()).isEqualTo("send-email");
        assertThat(skill.parameters()).extracting(SkillParameter::name).containsExactly("to", "subject", "message");
        Action.Type to = (Action.Type) StepActions.toAction(skill.steps().get(1),
                Map.of("to", "bob@example.org", "subject", "s", "message", "m"), folder);
        assertThat(to.text()).isEqualTo("bob@example.org");
        assertThat(to.into().locators()).startsWith(new Locator.Label("To"), new Locator.Name("To"));
        assertThat(SkillFiles.parse(folder.resolve("again.json"), SkillFiles.toJson(skill))).isEqualTo(skill);
    }

    @Test
    void malformedTruncatedWrongVersionAndInvalidFilesEachSayWhatIsWrong() throws IOException {
        String good = sendEmail();
        assertThatThrownBy(() -> SkillFiles.read(file("broken.json", "{ \"version\": 1, \"name\": ")))
                .isInstanceOf(DeftException.Configuration.class).hasMessageStartingWith(folder.resolve("broken.json") + ": ")
                .hasMessageContaining("not valid JSON").hasMessageContaining("line 1");
        assertThatThrownBy(() -> SkillFiles.read(file("cut.json", good.substring(0, good.length() / 2))))
                .hasMessageContaining("cut.json: is not valid JSON");
        assertThatThrownBy(() -> SkillFiles.read(file("v2.json", good.replace("\"version\" : 1", "\"version\" : 2"))))
                .hasMessageContaining("v2.json: is skill format version 2, and this Deft reads version 1 only");
        assertThatThrownBy(() -> SkillFiles.read(file("noversion.json", good.replace("\"version\" : 1,", ""))))
                .hasMessageContaining("has no \"version\"");
        assertThatThrownBy(() -> SkillFiles.read(file("nosteps.json", good.replaceAll("(?s)\"steps\" : \\[.*]\\s*}\\s*$", "\"steps\" : [] }"))))
                .hasMessageContaining("nosteps.json: at /steps: must have at least 1 items");
        assertThatThrownBy(() -> SkillFiles.read(file("badaction.json", good.replace("\"action\" : \"click\"", "\"action\" : \"explode\""))))
                .hasMessageContaining("badaction.json: at /steps/4/action");
        assertThatThrownBy(() -> SkillFiles.read(file("slot.json", good.replace("\"text\" : \"{message}\"", "\"text\" : \"{body}\""))))
                .hasMessageContaining("slot.json: step 4 (type): no value for {body}");
        assertThatThrownBy(() -> SkillFiles.read(file("list.json", "[1, 2]"))).hasMessageContaining("one JSON object");
    }

    @Test
    void aBadFileIsReportedAndTheOthersStillLoad() throws IOException {
        Path own = Files.createDirectories(folder.resolve("own"));
        Files.writeString(own.resolve("send-email.json"), sendEmail());
        Files.writeString(own.resolve("broken.json"), "{ not json");
        SkillLibrary library = new SkillLibrary(Optional.empty(), own);

        assertThat(library.skills()).extracting(SkillBook.Entry::name).containsExactly("send-email");
        assertThat(library.problems()).singleElement().asString().startsWith(own.resolve("broken.json").toString());
        assertThat(Files.readString(own.resolve("broken.json"))).isEqualTo("{ not json");
    }

    @Test
    void aPersonsOwnSkillHidesABuiltInOneOfTheSameNameAndBuiltInOnesCannotBeDeleted() throws IOException {
        Path builtIn = Files.createDirectories(folder.resolve("built-in"));
        Path own = folder.resolve("own");
        Files.writeString(builtIn.resolve("send-email.json"), sendEmail());
        SkillLibrary library = new SkillLibrary(Optional.of(builtIn), own);

        assertThat(library.skills()).singleElement().satisfies(e -> assertThat(e.builtIn()).isTrue());
        assertThatThrownBy(() -> library.delete("send-email")).hasMessageContaining("ships with Deft and cannot be deleted");

        library.save(library.skill("send-email").orElseThrow().revised(library.skill("send-email").orElseThrow().steps()));
        assertThat(library.skills()).singleElement().satisfies(e -> {
            assertThat(e.builtIn()).isFalse();
            assertThat(e.source()).startsWith(own.toString());
        });
        assertThat(library.skill("send-email").orElseThrow().revision()).isEqualTo(2);
        assertThat(library.delete("send-email")).isTrue();
        assertThat(library.skills()).singleElement().satisfies(e -> assertThat(e.builtIn()).isTrue());
    }

    @Test
    void aRepairedStepIsANewRevisionAndTheOldOneIsKept() throws IOException {
        Path own = Files.createDirectories(folder.resolve("own"));
        Files.writeString(own.resolve("send-email.json"), sendEmail());
        SkillLibrary library = new SkillLibrary(Optional.empty(), own);

        library.repair("send-email", 4, new Action.Click(dev.deft.core.Target.byText("Send now")));

        Skill now = library.skill("send-email").orElseThrow();
        assertThat(now.revision()).isEqualTo(2);
        assertThat(now.steps().get(4).path("on").path("text").asText()).isEqualTo("Send now");
        assertThat(SkillFiles.read(own.resolve(".versions/send-email.r1.json")).revision()).isEqualTo(1);
    }

    @Test
    void renamingAParameterRenamesItsSlotsInTheExamplesAndStepsAndTheSkillStillRuns() throws IOException {
        Path own = Files.createDirectories(folder.resolve("own"));
        Files.writeString(own.resolve("send-email.json"), sendEmail());
        SkillLibrary library = new SkillLibrary(Optional.empty(), own);

        SkillBook.Entry renamed = library.renameParameter("send-email", "to", "recipient");

        assertThat(renamed.parameters()).extracting(SkillBook.Parameter::name).containsExactly("recipient", "subject", "message");
        assertThat(renamed.examples()).containsExactly("email {recipient} about {subject}");
        Skill now = library.skill("send-email").orElseThrow();
        assertThat(now.revision()).isEqualTo(2);
        assertThat(now.steps().get(1).path("text").asText()).isEqualTo("{recipient}");
        assertThat(library.prepare("send-email", Map.of("recipient", "bob@example.org")).steps().get(1))
                .isInstanceOfSatisfying(Action.Type.class, typed -> assertThat(typed.text()).isEqualTo("bob@example.org"));
        assertThat(library.match("email carol@example.org about lunch")).get()
                .satisfies(p -> assertThat(p.values()).containsEntry("recipient", "carol@example.org"));
        assertThat(SkillFiles.read(own.resolve(".versions/send-email.r1.json")).parameter("to")).isPresent();

        assertThatThrownBy(() -> library.renameParameter("send-email", "subject", "Subject Line"))
                .isInstanceOf(DeftException.Configuration.class).hasMessageContaining("\"Subject Line\" is not");
        assertThatThrownBy(() -> library.renameParameter("send-email", "subject", "message"))
                .hasMessageContaining("has a parameter message already");
        assertThatThrownBy(() -> library.renameParameter("send-email", "cc", "copy"))
                .hasMessageContaining("has no parameter cc");
        assertThat(library.skill("send-email").orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void twoParametersCanSwapNamesInOneRenameAndANameKeptIsNoChange() throws IOException {
        Skill skill = SkillFiles.read(file("send-email.json", sendEmail()));

        Skill swapped = skill.withParametersRenamed(Map.of("to", "subject", "subject", "to", "message", "message"));

        assertThat(swapped.examples()).containsExactly("email {subject} about {to}");
        assertThat(swapped.parameter("to").orElseThrow().example()).isEqualTo("Picnic");
        assertThat(swapped.parameter("subject").orElseThrow().example()).isEqualTo("alice@example.org");
        assertThat(swapped.steps().get(1).path("text").asText()).isEqualTo("{subject}");
        assertThat(skill.withParameterRenamed("message", "message")).isSameAs(skill);
        assertThatThrownBy(() -> skill.withParametersRenamed(Map.of("to", "message")))
                .hasMessageContaining("has a parameter message already");
    }

    @Test
    void valuesAreCheckedByTheirParametersType() {
        SkillParameter date = new SkillParameter("day", SkillParameter.Type.DATE, true, Optional.empty(), "", "", List.of());
        SkillParameter choice = new SkillParameter("size", SkillParameter.Type.CHOICE, true, Optional.empty(), "", "",
                List.of("Small", "Large"));
        SkillParameter secret = new SkillParameter("pw", SkillParameter.Type.SECRET, true, Optional.empty(), "", "", List.of());

        assertThat(date.accept("2026-12-24")).isEqualTo("2026-12-24");
        assertThatThrownBy(() -> date.accept("Christmas")).hasMessageContaining("takes a date as YYYY-MM-DD");
        assertThat(choice.accept("large")).isEqualTo("Large");
        assertThatThrownBy(() -> choice.accept("Huge")).hasMessageContaining("one of Small, Large");
        assertThat(secret.accept("mail_password")).isEqualTo("{{secret:mail_password}}");
    }
}
