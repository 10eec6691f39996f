package dev.deft.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The skill files there are ({@code *.json} in the skill folders), by name and description. It only lists them:
 * replaying a skill is the skill system's work, which this build does not have yet.
 */
final class SkillShelf {
    private static final TypeRef<Map<String, Object>> OBJECT = new TypeRef<>() { };

    /** One skill file. */
    record Skill(String name, String description, Path file) {
    }

    private final List<Path> folders;
    private final McpJsonMapper json;

    SkillShelf(List<Path> folders, McpJsonMapper json) {
        this.folders = List.copyOf(folders);
        this.json = json;
    }

    List<Path> folders() {
        return folders;
    }

    List<Skill> list() {
        List<Skill> skills = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(f -> skills.add(read(f)));
            } catch (IOException e) {
                // a folder that cannot be read has no skills to offer
            }
        }
        skills.sort(Comparator.comparing(Skill::name));
        return skills;
    }

    Optional<Skill> find(String name) {
        return list().stream().filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    private Skill read(Path file) {
        String fallback = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            Map<String, Object> skill = json.readValue(Files.readString(file), OBJECT);
            Object name = skill.get("name");
            Object description = skill.get("description");
            return new Skill(name == null ? fallback : String.valueOf(name),
                    description == null ? "" : String.valueOf(description), file);
        } catch (IOException | RuntimeException e) {
            return new Skill(fallback, "(this skill file could not be read: " + e.getClass().getSimpleName() + ")", file);
        }
    }
}
