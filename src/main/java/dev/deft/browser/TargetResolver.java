package dev.deft.browser;

import dev.deft.core.Brief;
import dev.deft.core.DeftException;
import dev.deft.core.Locator;
import dev.deft.core.Polling;
import dev.deft.core.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Finds the one element a {@link Target} means on the page as observed now, waiting for it to appear up to a timeout.
 * Each locator is tried in order; the best-scoring element wins, two equally good ones are an ambiguity that fails
 * with both named, and a target that matches nothing well enough fails naming the closest candidate.
 */
final class TargetResolver {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TargetResolver.class);
    /** Below this a match is not trusted. */
    static final double THRESHOLD = 0.78;
    /** Scores closer than this are equally good. */
    private static final double TIE = 0.005;

    /** What the action needs its element to be. */
    enum Want {
        ANY(e -> true, "element"),
        CLICKABLE(e -> true, "element"),
        FIELD(PageElement::takesText, "field"),
        LIST(e -> e.tag().equals("select") || e.role().equals("listbox") || e.role().equals("combobox"), "list"),
        CHECKBOX(e -> e.role().equals("checkbox") || e.role().equals("radio") || e.role().equals("switch"), "box"),
        FILE(e -> e.type().equals("file"), "file field");

        private final Predicate<PageElement> fits;
        private final String noun;

        Want(Predicate<PageElement> fits, String noun) {
            this.fits = fits;
            this.noun = noun;
        }
    }

    private final PageScripts scripts;
    private final Polling polling;

    TargetResolver(PageScripts scripts, Polling polling) {
        this.scripts = scripts;
        this.polling = polling;
    }

    /** Waits up to {@code timeout} for {@code target} to mean exactly one element, observing afresh on each try. */
    Grounding.Found resolve(WebDriver driver, Supplier<PageObservation> observe, Target target, Want want,
                            Duration timeout) {
        Grounding.Found found = polling.until("a " + want.noun + " matching " + target, timeout, () -> {
            PageObservation page = observe.get();
            Grounding answer = ground(driver, page, target, want);
            if (answer instanceof Grounding.Found f) {
                return Polling.Probe.ready(f);
            }
            if (answer instanceof Grounding.Ambiguous ambiguous) {
                throw new DeftException(ambiguous.message());
            }
            return Polling.Probe.notYet(((Grounding.Missing) answer).message());
        });
        return found;
    }

    /**
     * The target on this page, without waiting. Its locators are tried in order and the first that finds an element
     * its identity agrees with decides. A locator that cannot be evaluated (an XPath the browser rejects) is skipped;
     * {@code near} only ranks what other locators found equally well, never picks on its own; an element that a
     * selector found but that is not what the target described comes back only when nothing better is found, marked
     * with why ({@link Grounding.Found#disagreement()}).
     */
    Grounding ground(WebDriver driver, PageObservation page, Target target, Want want) {
        TargetIdentity identity = TargetIdentity.of(target);
        Optional<Locator.NearText> near = target.locators().stream().filter(Locator.NearText.class::isInstance)
                .map(Locator.NearText.class::cast).findFirst();
        Grounding first = null;
        Grounding.Found unlike = null;
        List<String> alsoTried = new ArrayList<>();
        for (Locator locator : target.locators()) {
            if (locator instanceof Locator.NearText) {
                continue;
            }
            Grounding answer = groundOne(driver, page, locator, want);
            if (answer instanceof Grounding.Ambiguous ambiguous && near.isPresent()) {
                answer = nearest(page, ambiguous, near.get());
            }
            if (answer instanceof Grounding.Found found) {
                Optional<String> otherKind = identity.otherKind(found.element(), locator);
                if (otherKind.isPresent()) {
                    // a text field where a button was recorded is not the button, whatever it is called
                    answer = new Grounding.Missing(locator, found.element(), found.score(), otherKind.get());
                } else {
                    Optional<String> otherName = identity.otherName(found.element(), locator);
                    if (otherName.isEmpty()) {
                        return found;
                    }
                    unlike = unlike == null ? found.disagreeing(otherName.get()) : unlike;
                    continue;
                }
            }
            if (first == null || first instanceof Grounding.Missing && answer instanceof Grounding.Ambiguous) {
                first = answer;
            } else if (answer instanceof Grounding.Missing missing) {
                alsoTried.add(missing.why().isEmpty() ? locator.toString() : locator + " (" + missing.why() + ")");
            }
        }
        if (unlike != null) {
            return unlike;
        }
        if (first instanceof Grounding.Missing missing && !alsoTried.isEmpty()) {
            String nor = "nor does " + String.join(", ", alsoTried);
            return new Grounding.Missing(missing.by(), missing.closest(), missing.score(), missing.why(), nor);
        }
        return first != null ? first : new Grounding.Missing(near.<Locator>map(n -> n).orElse(target.primary()), null, 0);
    }

    private Grounding groundOne(WebDriver driver, PageObservation page, Locator locator, Want want) {
        if (locator instanceof Locator.ElementNumber number) {
            if (number.number() < page.firstNumber()) {
                throw new DeftException("Element #" + number.number() + " was on a page that is gone (now at "
                        + page.url() + "); look at the page again and use a current number.");
            }
            return page.element(number.number())
                    .<Grounding>map(e -> new Grounding.Found(e, 1, locator, page.token()))
                    .orElseGet(() -> new Grounding.Missing(locator, null, 0));
        }
        if (locator instanceof Locator.Css css) {
            return byQuery(driver, page, locator, "css", css.selector(), want);
        }
        if (locator instanceof Locator.XPath xpath) {
            return byQuery(driver, page, locator, "xpath", xpath.expression(), want);
        }
        Function<PageElement, Double> score = scorer(locator, want);
        if (score == null) {
            return new Grounding.Missing(locator, null, 0);
        }
        return best(locator, page.pageElements().stream().filter(want.fits).toList(), score, page.token());
    }

    /** How well an element fits a locator of words; null for locators a browser cannot use (image, screen text, point). */
    private static Function<PageElement, Double> scorer(Locator locator, Want want) {
        double bonus = want == Want.ANY ? 0 : 0.02;
        if (locator instanceof Locator.Text t) {
            return e -> Math.max(TextMatch.score(t.text(), e.visibleText()),
                    0.9 * TextMatch.score(t.text(), e.name())) + (e.interactive() ? bonus : 0);
        }
        if (locator instanceof Locator.Name n) {
            return e -> Math.max(TextMatch.score(n.name(), e.name()), 0.9 * Math.max(TextMatch.score(n.name(), e.label()),
                    TextMatch.score(n.name(), e.placeholder()))) + (e.interactive() ? bonus : 0);
        }
        if (locator instanceof Locator.Label l) {
            return e -> e.interactive() ? Math.max(TextMatch.score(l.label(), e.label().isEmpty() ? e.name() : e.label()),
                    0.9 * TextMatch.score(l.label(), e.placeholder())) : 0;
        }
        if (locator instanceof Locator.Placeholder p) {
            return e -> Math.max(TextMatch.score(p.placeholder(), e.placeholder()),
                    0.85 * TextMatch.score(p.placeholder(), e.name()));
        }
        if (locator instanceof Locator.Role r) {
            return e -> sameRole(r.role(), e.role())
                    ? (r.name().isEmpty() ? 1.0 : TextMatch.score(r.name(), e.name())) : 0;
        }
        return null;
    }

    private static boolean sameRole(String wanted, String actual) {
        if (wanted.equals(actual)) {
            return true;
        }
        List<String> fields = List.of("textbox", "searchbox");
        return fields.contains(wanted) && fields.contains(actual);
    }

    private static Grounding best(Locator locator, List<PageElement> candidates, Function<PageElement, Double> score,
                                  String token) {
        List<Map.Entry<PageElement, Double>> scored = new ArrayList<>();
        for (PageElement element : candidates) {
            scored.add(Map.entry(element, score.apply(element)));
        }
        scored.sort(Comparator.comparingDouble((Map.Entry<PageElement, Double> e) -> -e.getValue())
                .thenComparingInt(e -> e.getKey().order()));
        if (scored.isEmpty() || scored.get(0).getValue() < THRESHOLD) {
            return scored.isEmpty() || scored.get(0).getValue() <= 0 ? new Grounding.Missing(locator, null, 0)
                    : new Grounding.Missing(locator, scored.get(0).getKey(), scored.get(0).getValue());
        }
        double top = scored.get(0).getValue();
        List<PageElement> tied = withoutWrappers(
                scored.stream().filter(e -> top - e.getValue() < TIE).map(Map.Entry::getKey).toList());
        if (tied.size() > 1 && !sameDestination(tied)) {
            return new Grounding.Ambiguous(locator, tied, top);
        }
        return new Grounding.Found(tied.get(0), Math.min(1, top), locator, token);
    }

    /** Links that go to the same address do the same thing: choosing one of them is not a guess. */
    private static boolean sameDestination(List<PageElement> tied) {
        String href = tied.get(0).href();
        return !href.isEmpty() && !href.startsWith("#")
                && tied.stream().allMatch(e -> e.role().equals("link") && e.href().equals(href));
    }

    /**
     * A heading that holds nothing but a link is one thing to a person, not two: among equally good candidates, a
     * text element that wraps an interactive one is dropped in favour of what it wraps.
     */
    private static List<PageElement> withoutWrappers(List<PageElement> tied) {
        if (tied.size() < 2) {
            return tied;
        }
        return tied.stream().filter(outer -> outer.interactive() || tied.stream().noneMatch(inner -> inner != outer
                && inner.interactive() && inner.frame().equals(outer.frame()) && contains(outer.box(), inner.box())))
                .toList();
    }

    private static boolean contains(PageElement.Box outer, PageElement.Box inner) {
        return inner.x() >= outer.x() - 1 && inner.y() >= outer.y() - 1
                && inner.x() + inner.width() <= outer.x() + outer.width() + 1
                && inner.y() + inner.height() <= outer.y() + outer.height() + 1;
    }

    /**
     * Of candidates that another locator found equally good, the one the recorded neighbourhood names: the one in the
     * card or row under those words, else the one whose own name holds them ("Edit Ada Lovelace"). Where none stands
     * out they stay equal: being nearer to a heading is no reason to press one of two equal buttons.
     */
    private static Grounding nearest(PageObservation page, Grounding.Ambiguous tied, Locator.NearText near) {
        List<PageElement> candidates = tied.candidates();
        List<PageElement> inside = candidates.stream()
                .filter(e -> TextMatch.score(near.text(), e.context()) >= THRESHOLD).toList();
        if (inside.size() == 1) {
            return new Grounding.Found(inside.get(0), tied.score(), tied.by(), page.token());
        }
        List<PageElement> naming = candidates.stream().filter(e -> TextMatch.score(near.text(), e.name()) >= THRESHOLD)
                .toList();
        if (naming.size() == 1) {
            return new Grounding.Found(naming.get(0), tied.score(), tied.by(), page.token());
        }
        return tied;
    }

    private Grounding byQuery(WebDriver driver, PageObservation page, Locator locator, String kind, String expression,
                              Want want) {
        Object answer;
        try {
            answer = scripts.call(driver, "query", kind, expression);
        } catch (org.openqa.selenium.JavascriptException e) {
            // one locator the browser cannot evaluate does not sink the others: it finds nothing, and says why
            LOG.info("Skipped the {} {}: {}", kind, expression, Brief.firstLine(e.getMessage()));
            return new Grounding.Missing(locator, null, 0, "the browser cannot evaluate it ("
                    + Brief.firstLine(e.getRawMessage() == null ? e.getMessage() : e.getRawMessage()) + ")");
        }
        List<PageElement> matched = new ArrayList<>();
        for (Object item : (List<?>) answer) {
            int number = PageObserver.integer(((Map<?, ?>) item).get("n"));
            page.element(number).filter(want.fits).ifPresent(matched::add);
        }
        if (matched.isEmpty()) {
            return new Grounding.Missing(locator, null, 0);
        }
        if (matched.size() > 1) {
            return new Grounding.Ambiguous(locator, matched, 1);
        }
        return new Grounding.Found(matched.get(0), 1, locator, page.token());
    }

    /**
     * The live element for a grounding: switches into its frames and takes it from the page's registry. Fails when
     * the page changed since it was observed, or the element is gone.
     */
    WebElement grab(WebDriver driver, PageElement element, String token) {
        scripts.toTop(driver);
        for (int frame : element.frame()) {
            scripts.leftTop();
            driver.switchTo().frame(live(driver, frame, token, element));
        }
        return live(driver, element.number(), token, element);
    }

    private WebElement live(WebDriver driver, int number, String token, PageElement element) {
        Object answer = scripts.call(driver, "find", number, token);
        if (answer instanceof WebElement live) {
            return live;
        }
        if ("page-changed".equals(answer)) {
            throw new DeftException.Retriable("The page changed since " + element.describe()
                    + " was seen; look at the page again.");
        }
        throw new DeftException.Retriable(element.describe() + " is no longer on the page.");
    }
}
