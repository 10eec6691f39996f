package dev.deft.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandGrammarTest {
    private final CommandGrammar grammar = new CommandGrammar(Set.of("shop", "webmail", "mail", "account"));

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = CommandGrammarTest.class.getResourceAsStream("/plan/grammar.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            return lines.stream().map(line -> {
                int bar = line.lastIndexOf(" | ");
                return Arguments.of(line.substring(0, bar).strip(), line.substring(bar + 3).strip());
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRequestIsReadIntoWhatItAsksFor(String request, String expected) {
        assertThat(describe(grammar.read(request))).isEqualTo(expected);
    }

    private static String describe(CommandGrammar.Reading reading) {
        if (reading instanceof CommandGrammar.Reading.NotUnderstood) {
            return "?";
        }
        return ((CommandGrammar.Reading.Understood) reading).intents().stream().map(CommandGrammarTest::describe)
                .collect(Collectors.joining(" ; "));
    }

    private static String describe(Intent intent) {
        if (intent instanceof Intent.Open o) return "open " + o.where();
        if (intent instanceof Intent.Click c) return "click " + describe(c.thing());
        if (intent instanceof Intent.Fill f) {
            return "fill " + f.field().map(CommandGrammarTest::describe).orElse("-") + " = " + describe(f.value());
        }
        if (intent instanceof Intent.Choose c) {
            return "choose " + c.option() + c.list().map(l -> " in " + describe(l)).orElse("");
        }
        if (intent instanceof Intent.SetBoxes b) {
            return (b.checked() ? "check " : "uncheck ")
                    + b.boxes().stream().map(CommandGrammarTest::describe).collect(Collectors.joining(", "));
        }
        if (intent instanceof Intent.Search s) return "search " + s.query() + s.site().map(x -> " @" + x).orElse("");
        if (intent instanceof Intent.LogIn l) {
            return "login " + l.user() + l.password().map(p -> " pw " + p).orElse("") + l.site().map(x -> " @" + x).orElse("");
        }
        if (intent instanceof Intent.Press p) return "press " + p.keys() + p.in().map(f -> " in " + describe(f)).orElse("");
        if (intent instanceof Intent.Scroll s) {
            return s.to().map(t -> "scroll to " + describe(t)).orElse("scroll " + (s.down() ? "down" : "up"));
        }
        if (intent instanceof Intent.WaitFor w) return "wait " + w.text();
        if (intent instanceof Intent.Read r) {
            return r.thing().map(t -> "read " + describe(t) + (r.table() ? " table" : "") + (r.word() != 0 ? " word " + r.word() : ""))
                    .orElse("read page");
        }
        if (intent instanceof Intent.AddToCart a) return "add " + describe(a.item());
        if (intent instanceof Intent.CheckOut) return "checkout";
        if (intent instanceof Intent.Finish f) return "finish" + f.summary().map(s -> " " + s).orElse("");
        if (intent instanceof Intent.Locate l) return "locate " + describe(l.thing());
        if (intent instanceof Intent.Reveal r) return "reveal " + describe(r.thing());
        if (intent instanceof Intent.Expand e) return "expand" + (e.all() ? " all" : "") + e.section().map(p -> " " + describe(p)).orElse("");
        if (intent instanceof Intent.Pause p) return "pause " + p.time().toMillis() + " ms";
        if (intent instanceof Intent.Unread u) return "unread " + u.clause();
        if (intent instanceof Intent.Cannot c) return "cannot " + c.clause();
        return intent.toString();
    }

    private static String describe(Intent.Value value) {
        if (value instanceof Intent.Value.Text text) return text.text();
        if (value instanceof Intent.Value.Described described) return "<" + described.description() + ">";
        return "<recalled>";
    }

    private static String describe(Phrase phrase) {
        return "\"" + phrase.words() + "\"" + phrase.kind().map(k -> " [" + k.name().toLowerCase(java.util.Locale.ROOT) + "]").orElse("")
                + (phrase.ordinal() != 0 ? " #" + phrase.ordinal() : "");
    }
}
