package dev.deft.plan;

import dev.deft.core.Observation;
import dev.deft.core.PlanContext;
import dev.deft.safety.SecretMask;
import dev.deft.safety.UntrustedText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words sent to a model: the system prompt (the same every step, so that it and the tools can be served from the
 * provider's prompt cache) and one message per step with the request, the run so far and the screen, page text
 * fenced as untrusted and every secret value replaced by its placeholder.
 */
final class ModelPrompt {
    private static final Pattern SLOT = Pattern.compile("\\{\\{(request|history|secrets|step|observation)}}");
    private final String system;
    private final String step;
    private final HistoryDigest history;
    private final int observationChars;
    private final SecretMask secrets;

    ModelPrompt(HistoryDigest history, int observationChars, SecretMask secrets) {
        this.system = resource("/prompts/system.md");
        this.step = resource("/prompts/step.md");
        this.history = history;
        this.observationChars = observationChars;
        this.secrets = secrets;
    }

    String system() {
        return system;
    }

    String step(PlanContext context) {
        Observation observation = context.observation();
        String secretLine = secrets.names().isEmpty() ? ""
                : "Secrets you may type as {{secret:NAME}}: " + String.join(", ", secrets.names()) + ".\n\n";
        String screen = "Surface: " + observation.surface()
                + (observation.location().isBlank() ? "" : "\nLocation: " + observation.location()) + "\n"
                + UntrustedText.fence(observation.surface(), observation.render(observationChars));
        Map<String, String> slots = Map.of("request", context.request().strip(),
                "history", history.render(context.history()), "secrets", secretLine,
                "step", String.valueOf(context.step()), "observation", screen);
        // one pass over the template, so that nothing filled in is read as a slot
        Matcher slot = SLOT.matcher(step);
        StringBuilder text = new StringBuilder();
        while (slot.find()) {
            slot.appendReplacement(text, Matcher.quoteReplacement(slots.getOrDefault(slot.group(1), slot.group())));
        }
        slot.appendTail(text);
        return secrets.mask(text.toString());
    }

    private static String resource(String path) {
        try (InputStream in = ModelPrompt.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
