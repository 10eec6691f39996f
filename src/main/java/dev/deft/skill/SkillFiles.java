package dev.deft.skill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.deft.core.DeftException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and writes skill files: JSON checked against {@code skill.schema.json}. A file that is not a skill is
 * refused with its path and the first thing wrong; a file is written whole or not at all.
 */
public final class SkillFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Schema SCHEMA = loadSchema();

    private SkillFiles() {
    }

    /** A skill file that could not be read, saying which and why in one line. */
    public static final class Unreadable extends DeftException.Configuration {
        public Unreadable(Path file, String problem) {
            super(file + ": " + problem);
        }
    }

    public static Skill read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unreadable(file, "cannot be read (" + e.getMessage() + ")");
        }
        return parse(file, text);
    }

    /** @param file where the text came from, for messages */
    public static Skill parse(Path file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Unreadable(file, "is not valid JSON: " + withoutSource(e.getOriginalMessage()) + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable(file, "is not a skill: a skill file holds one JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null) {
            throw new Unreadable(file, "has no \"version\"; a skill file of this Deft says \"version\": "
                    + Skill.FORMAT_VERSION);
        }
        if (!version.isInt() || version.asInt() != Skill.FORMAT_VERSION) {
            throw new Unreadable(file, "is skill format version " + version + ", and this Deft reads version "
                    + Skill.FORMAT_VERSION + " only");
        }
        List<Error> errors = SCHEMA.validate(root);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String where = first.getInstanceLocation().toString();
            throw new Unreadable(file, (where.equals("$") ? "" : "at " + where + ": ") + first.getMessage()
                    .replaceFirst("^\\$[^:]*: ", "") + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        }
        Skill skill = toSkill((ObjectNode) root);
        try {
            StepActions.check(skill);
        } catch (DeftException e) {
            throw new Unreadable(file, e.getMessage());
        }
        return skill;
    }

    private static Skill toSkill(ObjectNode root) {
        List<String> examples = new ArrayList<>();
        root.get("examples").forEach(e -> examples.add(e.asText()));
        List<SkillParameter> parameters = new ArrayList<>();
        root.get("parameters").forEach(p -> {
            List<String> choices = new ArrayList<>();
            p.path("choices").forEach(c -> choices.add(c.asText()));
            SkillParameter.Type type = SkillParameter.Type.valueOf(p.get("type").asText().toUpperCase(Locale.ROOT));
            parameters.add(new SkillParameter(p.get("name").asText(), type, p.path("required").asBoolean(true),
                    Optional.ofNullable(p.get("default")).map(JsonNode::asText), p.path("example").asText(""),
                    p.path("label").asText(""), choices));
        });
        List<ObjectNode> steps = new ArrayList<>();
        root.get("steps").forEach(s -> steps.add((ObjectNode) s));
        return new Skill(root.get("name").asText(), root.get("description").asText(), root.path("revision").asInt(1),
                examples, parameters, steps);
    }

    public static String toJson(Skill skill) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", Skill.FORMAT_VERSION);
        root.put("name", skill.name());
        root.put("description", skill.description());
        root.put("revision", skill.revision());
        ArrayNode examples = root.putArray("examples");
        skill.examples().forEach(examples::add);
        ArrayNode parameters = root.putArray("parameters");
        for (SkillParameter p : skill.parameters()) {
            ObjectNode node = parameters.addObject().put("name", p.name()).put("type", p.type().word())
                    .put("required", p.required());
            p.defaultValue().ifPresent(d -> node.put("default", d));
            if (!p.example().isEmpty()) {
                node.put("example", p.example());
            }
            if (!p.label().isEmpty()) {
                node.put("label", p.label());
            }
            if (!p.choices().isEmpty()) {
                ArrayNode choices = node.putArray("choices");
                p.choices().forEach(choices::add);
            }
        }
        ArrayNode steps = root.putArray("steps");
        skill.steps().forEach(steps::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a skill as JSON", e);
        }
    }

    /** Writes the skill to {@code file} whole: to a temporary file beside it first, then moved into place. */
    public static void write(Skill skill, Path file) {
        String json = toJson(skill);
        parse(file, json); // never write a file that would not load
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "." + file.getFileName(), ".partial");
            try {
                Files.writeString(partial, json, StandardCharsets.UTF_8);
                try {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the skill " + skill.name() + " to " + file, e);
        }
    }

    private static Schema loadSchema() {
        try (InputStream in = SkillFiles.class.getResourceAsStream("/skill/skill.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("skill/skill.schema.json is missing from the classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's message without where it read from (the file is named already) and the marker's position. */
    private static String withoutSource(String message) {
        int cut = message.length();
        for (String noise : new String[] {" (start marker at ", "[Source:"}) {
            int at = message.indexOf(noise);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return message.substring(0, cut).strip();
    }
}
