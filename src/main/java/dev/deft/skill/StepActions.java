package dev.deft.skill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deft.core.Action;
import dev.deft.core.Condition;
import dev.deft.core.DeftException;
import dev.deft.core.Locator;
import dev.deft.core.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Between a skill's steps as written in its file and the actions a run performs: a step's {@code {parameter}} slots
 * are filled with the run's values, and its targets become targets whose locators are tried in the order written.
 */
public final class StepActions {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code {name}}, but not the braces of a {@code {{secret:NAME}}} placeholder. */
    static final Pattern SLOT = Pattern.compile("(?<!\\{)\\{([a-z][a-z0-9_]*)}(?!})");

    private StepActions() {
    }

    /**
     * The action of {@code step} with {@code values} put in its slots.
     *
     * @param images where a relative image locator's file is
     * @throws DeftException.Configuration when a slot has no value or the step is not a valid action
     */
    public static Action toAction(ObjectNode step, Map<String, String> values, Path images) {
        Reader read = new Reader(step, values, images);
        String action = step.path("action").asText();
        return switch (action) {
            case "open_url" -> new Action.OpenUrl(read.text("url"));
            case "click" -> new Action.Click(read.target("on"), Action.Click.Button.valueOf(
                    step.path("button").asText("left").toUpperCase(Locale.ROOT)));
            case "hover" -> new Action.Hover(read.target("on"));
            case "type" -> new Action.Type(read.target("into"), read.text("text"), step.path("replace").asBoolean(true));
            case "select" -> new Action.Select(read.target("list"), read.text("option"));
            case "set_checked" -> new Action.SetChecked(read.target("box"), step.path("checked").asBoolean(true));
            case "press_key" -> new Action.PressKey(read.optionalTarget("in"), read.text("keys"));
            case "scroll" -> new Action.Scroll(read.optionalTarget("to"), Action.Scroll.Direction.valueOf(
                    step.path("direction").asText("down").toUpperCase(Locale.ROOT)), step.path("amount").asInt(0));
            case "wait_for" -> new Action.WaitFor(read.condition(), Duration.ofSeconds(step.path("timeout").asInt(10)));
            case "extract" -> new Action.Extract(read.optionalTarget("from"), Action.Extract.What.valueOf(
                    step.path("what").asText("text").toUpperCase(Locale.ROOT)));
            case "upload" -> new Action.Upload(read.target("into"), read.text("file"));
            case "switch_tab" -> new Action.SwitchTab(read.text("which"));
            case "close_tab" -> new Action.CloseTab(step.has("which") ? Optional.of(read.text("which")) : Optional.empty());
            case "launch" -> new Action.Launch(read.text("application"));
            case "focus_window" -> new Action.FocusWindow(read.text("title"));
            case "drag" -> new Action.Drag(read.target("from"), read.target("to"));
            default -> throw new DeftException.Configuration("\"" + action + "\" is not an action a skill can take.");
        };
    }

    /** A step as a skill file writes it, the inverse of {@link #toAction}: for recorded actions. */
    public static ObjectNode toStep(Action action) {
        ObjectNode step = JSON.createObjectNode().put("action", action.kind());
        if (action instanceof Action.OpenUrl a) {
            step.put("url", a.url());
        } else if (action instanceof Action.Click a) {
            step.set("on", target(a.on()));
            if (a.button() != Action.Click.Button.LEFT) {
                step.put("button", a.button().name().toLowerCase(Locale.ROOT));
            }
        } else if (action instanceof Action.Hover a) {
            step.set("on", target(a.on()));
        } else if (action instanceof Action.Type a) {
            step.set("into", target(a.into()));
            step.put("text", a.text());
            if (!a.replace()) {
                step.put("replace", false);
            }
        } else if (action instanceof Action.Select a) {
            step.set("list", target(a.list()));
            step.put("option", a.option());
        } else if (action instanceof Action.SetChecked a) {
            step.put("action", "set_checked");
            step.set("box", target(a.box()));
            step.put("checked", a.checked());
        } else if (action instanceof Action.PressKey a) {
            a.in().ifPresent(t -> step.set("in", target(t)));
            step.put("keys", a.keys());
        } else if (action instanceof Action.Launch a) {
            step.put("application", a.application());
        } else if (action instanceof Action.FocusWindow a) {
            step.put("title", a.title());
        } else if (action instanceof Action.SwitchTab a) {
            step.put("which", a.which());
        } else {
            throw new IllegalArgumentException("a recording does not keep " + action.kind() + " steps");
        }
        return step;
    }

    /** The slots of {@code text}, in order. */
    public static Set<String> slots(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = SLOT.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Checks that every step is a valid action and every slot in the steps and examples is a parameter. */
    static void check(Skill skill) {
        Map<String, String> examples = new HashMap<>();
        for (SkillParameter p : skill.parameters()) {
            examples.put(p.name(), p.type() == SkillParameter.Type.SECRET ? "{{secret:example}}"
                    : p.type() == SkillParameter.Type.CHOICE ? p.choices().get(0)
                    : p.type() == SkillParameter.Type.NUMBER ? "1" : p.type() == SkillParameter.Type.DATE ? "2026-01-01" : "x");
        }
        for (String example : skill.examples()) {
            for (String slot : slots(example)) {
                if (!examples.containsKey(slot)) {
                    throw new DeftException.Configuration("the example \"" + example + "\" has the slot {" + slot
                            + "}, which is not one of the parameters");
                }
            }
        }
        for (int i = 0; i < skill.steps().size(); i++) {
            try {
                toAction(skill.steps().get(i), examples, Path.of("."));
            } catch (RuntimeException e) {
                throw new DeftException.Configuration("step " + (i + 1) + " (" + skill.steps().get(i).path("action").asText()
                        + "): " + e.getMessage());
            }
        }
    }

    private static ObjectNode target(Target target) {
        ObjectNode node = JSON.createObjectNode();
        for (Locator locator : target.locators()) {
            if (locator instanceof Locator.Name l) node.put("name", l.name());
            else if (locator instanceof Locator.Label l) node.put("label", l.label());
            else if (locator instanceof Locator.Placeholder l) node.put("placeholder", l.placeholder());
            else if (locator instanceof Locator.Text l) node.put("text", l.text());
            else if (locator instanceof Locator.Role l) {
                var role = node.putArray("role").add(l.role());
                if (!l.name().isEmpty()) role.add(l.name());
            } else if (locator instanceof Locator.NearText l) node.put("near", l.text());
            else if (locator instanceof Locator.Css l) node.put("css", l.selector());
            else if (locator instanceof Locator.XPath l) node.put("xpath", l.expression());
            else if (locator instanceof Locator.ScreenText l) node.put("screenText", l.text());
            else if (locator instanceof Locator.Image l) node.putObject("image").put("path", l.path())
                    .put("similarity", l.similarity()).put("offsetX", l.offsetX()).put("offsetY", l.offsetY());
            else if (locator instanceof Locator.Point l) node.putArray("point").add(l.x()).add(l.y());
            else if (locator instanceof Locator.Window l) node.put("window", l.title());
            else if (locator instanceof Locator.Focused) node.put("focused", true);
            // an element number belongs to one observation and would mean nothing on replay
        }
        if (node.isEmpty()) {
            throw new IllegalArgumentException("the target " + target + " has nothing a replay could find it by");
        }
        return node;
    }

    /** Reads one step's fields, filling slots. */
    private record Reader(ObjectNode step, Map<String, String> values, Path images) {

        String text(String field) {
            JsonNode node = step.get(field);
            if (node == null || !node.isTextual()) {
                throw new DeftException.Configuration("the step needs \"" + field + "\"");
            }
            return fill(node.asText());
        }

        String fill(String template) {
            Matcher m = SLOT.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new DeftException.Configuration("no value for {" + m.group(1) + "}");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        Optional<Target> optionalTarget(String field) {
            return step.has(field) ? Optional.of(target(field)) : Optional.empty();
        }

        Target target(String field) {
            JsonNode node = step.get(field);
            if (node == null || !node.isObject() || node.isEmpty()) {
                throw new DeftException.Configuration("the step needs \"" + field + "\" with at least one way to find it");
            }
            return toTarget(node);
        }

        Target toTarget(JsonNode node) {
            List<Locator> locators = new ArrayList<>();
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                switch (e.getKey()) {
                    case "name" -> locators.add(new Locator.Name(fill(v.asText())));
                    case "label" -> locators.add(new Locator.Label(fill(v.asText())));
                    case "placeholder" -> locators.add(new Locator.Placeholder(fill(v.asText())));
                    case "text" -> locators.add(new Locator.Text(fill(v.asText())));
                    case "role" -> locators.add(new Locator.Role(v.path(0).asText(), fill(v.path(1).asText(""))));
                    case "near" -> locators.add(new Locator.NearText(fill(v.asText())));
                    case "css" -> locators.add(new Locator.Css(fill(v.asText())));
                    case "xpath" -> locators.add(new Locator.XPath(fill(v.asText())));
                    case "screenText" -> locators.add(new Locator.ScreenText(fill(v.asText())));
                    case "image" -> {
                        Path file = Path.of(v.path("path").asText());
                        locators.add(new Locator.Image((file.isAbsolute() ? file : images.resolve(file)).toString(),
                                v.path("similarity").asDouble(0.8), v.path("offsetX").asInt(0), v.path("offsetY").asInt(0)));
                    }
                    case "point" -> locators.add(new Locator.Point(v.path(0).asInt(), v.path(1).asInt()));
                    case "window" -> locators.add(new Locator.Window(fill(v.asText())));
                    case "focused" -> locators.add(new Locator.Focused());
                    default -> throw new DeftException.Configuration("\"" + e.getKey() + "\" is not a way to find an element");
                }
            });
            return new Target(locators);
        }

        Condition condition() {
            JsonNode node = step.get("condition");
            if (node == null || !node.isObject() || node.size() != 1) {
                throw new DeftException.Configuration("wait_for needs a \"condition\" with one field");
            }
            Map.Entry<String, JsonNode> only = node.fields().next();
            JsonNode v = only.getValue();
            return switch (only.getKey()) {
                case "text_shown" -> new Condition.TextShown(fill(v.asText()));
                case "text_gone" -> new Condition.TextGone(fill(v.asText()));
                case "element_shown" -> new Condition.ElementShown(toTarget(v));
                case "element_gone" -> new Condition.ElementGone(toTarget(v));
                case "url_contains" -> new Condition.UrlContains(fill(v.asText()));
                case "settled" -> new Condition.Settled(Duration.ofMillis(v.asInt(800)));
                case "elapsed_ms" -> new Condition.Elapsed(Duration.ofMillis(v.asLong()));
                default -> throw new DeftException.Configuration("\"" + only.getKey() + "\" is not a condition");
            };
        }
    }
}
