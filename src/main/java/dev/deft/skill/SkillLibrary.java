package dev.deft.skill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deft.core.Action;
import dev.deft.core.DeftException;
import dev.deft.core.SkillBook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skills in two folders: the built-in ones that ship with Deft, and a person's own (recorded, imported or
 * repaired), which hide a built-in one of the same name. Files are read afresh on each use, so a skill saved by
 * another Deft shows at once; a file that does not load is reported and the others load.
 */
public final class SkillLibrary implements SkillBook {
    private static final Logger LOG = LoggerFactory.getLogger(SkillLibrary.class);
    private static final String VERSIONS = ".versions";

    private final Optional<Path> builtIn;
    private final Path own;

    /**
     * @param builtIn the folder of the skills that ship with Deft, if there is one
     * @param own     the person's skills folder (made when a skill is first saved)
     */
    public SkillLibrary(Optional<Path> builtIn, Path own) {
        this.builtIn = builtIn;
        this.own = own;
    }

    /** What the folders hold now. */
    private record Loaded(Map<String, Skill> skills, Map<String, Path> files, List<String> problems) {
    }

    private Loaded load() {
        Map<String, Skill> skills = new TreeMap<>();
        Map<String, Path> files = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path folder : folders()) {
            for (Path file : jsonFiles(folder)) {
                try {
                    Skill skill = SkillFiles.read(file);
                    skills.put(skill.name(), skill);
                    files.put(skill.name(), file);
                } catch (DeftException e) {
                    problems.add(e.getMessage());
                    LOG.warn("Skipped a skill file: {}", e.getMessage());
                }
            }
        }
        return new Loaded(skills, files, problems);
    }

    private List<Path> folders() {
        List<Path> folders = new ArrayList<>();
        builtIn.filter(Files::isDirectory).ifPresent(folders::add);
        if (Files.isDirectory(own)) {
            folders.add(own);
        }
        return folders;
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warn("Could not list the skills in {}: {}", folder, e.getMessage());
            return List.of();
        }
    }

    /** The skills that loaded, by name. */
    public List<Skill> all() {
        return List.copyOf(load().skills().values());
    }

    public Optional<Skill> skill(String name) {
        return Optional.ofNullable(load().skills().get(name));
    }

    @Override
    public List<Entry> skills() {
        Loaded loaded = load();
        return loaded.skills().values().stream().map(s -> entry(s, loaded.files().get(s.name()))).toList();
    }

    @Override
    public List<String> problems() {
        return load().problems();
    }

    @Override
    public Optional<Entry> find(String name) {
        Loaded loaded = load();
        return Optional.ofNullable(loaded.skills().get(name)).map(s -> entry(s, loaded.files().get(name)));
    }

    @Override
    public Optional<String> show(String name) {
        return skill(name).map(SkillFiles::toJson);
    }

    @Override
    public Entry importFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DeftException.Configuration("There is no file " + file + " to import.");
        }
        Skill skill = SkillFiles.read(file);
        save(skill);
        return find(skill.name()).orElseThrow();
    }

    @Override
    public void export(String name, Path file) {
        Skill skill = skill(name).orElseThrow(() -> unknown(name));
        SkillFiles.write(skill, file);
    }

    @Override
    public boolean delete(String name) {
        Path file = own.resolve(name + ".json");
        if (!Files.exists(file)) {
            if (skill(name).isPresent()) {
                throw new DeftException.Configuration("The skill " + name + " ships with Deft and cannot be deleted; "
                        + "save one of your own by that name to use instead.");
            }
            return false;
        }
        try {
            Files.delete(file);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
    }

    @Override
    public Optional<Prepared> match(String request) {
        return SkillMatcher.best(request, all()).flatMap(match -> {
            try {
                return Optional.of(prepare(match.skill(), match.values()));
            } catch (DeftException.Configuration missing) {
                LOG.info("The request fits the skill {} but {}", match.skill().name(), missing.getMessage());
                return Optional.empty();
            }
        });
    }

    @Override
    public Prepared prepare(String name, Map<String, String> values) {
        return prepare(skill(name).orElseThrow(() -> unknown(name)), values);
    }

    private Prepared prepare(Skill skill, Map<String, String> given) {
        for (String name : given.keySet()) {
            if (skill.parameter(name).isEmpty()) {
                throw new DeftException.Configuration("The skill " + skill.name() + " has no parameter " + name
                        + "; its parameters are " + names(skill) + ".");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (SkillParameter p : skill.parameters()) {
            Optional<String> value = Optional.ofNullable(given.get(p.name())).or(p::defaultValue);
            if (value.isEmpty()) {
                if (p.required()) {
                    throw new DeftException.Configuration("The skill " + skill.name() + " needs " + p.name()
                            + (p.example().isEmpty() ? "" : " (for example " + p.name() + "=" + quoted(p.example()) + ")")
                            + ".");
                }
                values.put(p.name(), "");
            } else {
                values.put(p.name(), p.accept(value.get()));
            }
        }
        Path images = imagesOf(skill.name());
        List<Action> steps = skill.steps().stream().map(step -> StepActions.toAction(step, values, images)).toList();
        return new Prepared(skill.name(), skill.revision(), values, steps);
    }

    @Override
    public void repair(String name, int step, Action action) {
        Skill skill = skill(name).orElseThrow(() -> unknown(name));
        if (step < 0 || step >= skill.steps().size()) {
            throw new IllegalArgumentException("the skill " + name + " has no step " + (step + 1));
        }
        List<ObjectNode> steps = new ArrayList<>(skill.steps());
        steps.set(step, StepActions.toStep(action));
        save(skill.revised(steps));
    }

    @Override
    public Entry renameParameter(String name, String from, String to) {
        Skill skill = skill(name).orElseThrow(() -> unknown(name));
        Skill renamed = skill.withParameterRenamed(from, to);
        if (renamed != skill) {
            save(new Skill(renamed.name(), renamed.description(), renamed.revision() + 1, renamed.examples(),
                    renamed.parameters(), renamed.steps()));
        }
        return find(name).orElseThrow();
    }

    /** Saves a skill among the person's own; a skill it replaces is kept under {@code .versions/}. */
    public void save(Skill skill) {
        Path file = own.resolve(skill.name() + ".json");
        if (Files.exists(file)) {
            try {
                Skill old = SkillFiles.read(file);
                SkillFiles.write(old, own.resolve(VERSIONS).resolve(skill.name() + ".r" + old.revision() + ".json"));
            } catch (DeftException unreadable) {
                LOG.warn("Replacing a skill file that did not load: {}", unreadable.getMessage());
            }
        }
        SkillFiles.write(skill, file);
    }

    /** Where the pictures a desktop skill finds things by are kept, beside its file. */
    public Path imagesOf(String name) {
        return own.resolve(name + ".images");
    }

    /** A parameter as a list or a form shows it. */
    public static Parameter describe(SkillParameter p) {
        return new Parameter(p.name(), p.type().word(), p.required() && p.defaultValue().isEmpty(), p.example(),
                p.choices());
    }

    private Entry entry(Skill skill, Path file) {
        List<Parameter> parameters = skill.parameters().stream().map(SkillLibrary::describe).toList();
        boolean shipped = builtIn.map(folder -> file.startsWith(folder)).orElse(false);
        return new Entry(skill.name(), skill.description(), skill.examples(), parameters, skill.steps().size(),
                file.toString(), shipped);
    }

    private static String names(Skill skill) {
        return skill.parameters().isEmpty() ? "none"
                : String.join(", ", skill.parameters().stream().map(SkillParameter::name).toList());
    }

    private static String quoted(String value) {
        return value.contains(" ") ? "\"" + value + "\"" : value;
    }

    private DeftException.Configuration unknown(String name) {
        List<String> known = load().skills().keySet().stream().toList();
        return new DeftException.Configuration("There is no skill named " + name + (known.isEmpty()
                ? "; record one with `deft record NAME`." : "; the skills are " + String.join(", ", known) + "."));
    }
}
