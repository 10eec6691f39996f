package dev.deft.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deft.core.Brief;
import dev.deft.core.ChatMessage;
import dev.deft.core.DeftException;
import dev.deft.core.LanguageModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Settings' Test button: chooses the model the settings name and sends it one tiny request. */
final class ModelCheck {
    private final Map<String, String> env;
    private final Clock clock;

    ModelCheck(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /** Whether a model answered, and one line: which one and how fast, or why none did. */
    record Answer(boolean reachable, String line) {
    }

    /** One line: which model answered and how fast, or why none did. */
    String check(JsonNode config, Path file) {
        return answer(config, file).line();
    }

    Answer answer(JsonNode config, Path file) {
        try {
            ModelSettings models = ModelSettings.read(config, env, file);
            Optional<LanguageModel> chosen = models.chooser(clock).choose(models.provider(), models.model());
            if (chosen.isEmpty()) {
                return new Answer(false, DeftWorkspace.NO_MODEL);
            }
            LanguageModel model = chosen.get();
            long start = clock.millis();
            model.chat(new LanguageModel.Request("Answer with the single word OK.", List.of(),
                    List.of(new ChatMessage.User("Are you there?", List.of())), 16));
            return new Answer(true, "Reachable: " + model.provider() + " " + model.model() + " answered in "
                    + (clock.millis() - start) + " ms.");
        } catch (DeftException e) {
            return new Answer(false, "Not reachable: " + Brief.firstLine(e.getMessage(), "no answer"));
        }
    }
}
