package dev.deft.safety;

import dev.deft.core.Require;
import dev.deft.core.RiskClass;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person's own rule from the configuration, such as "anything on bank.example is PAY". Every condition given
 * must hold; a rule can only raise an action's class, and never touches pure reading (opening, scrolling, reading).
 *
 * @param site  a host; matches it and its subdomains
 * @param url   a fragment the page's address contains
 * @param words a regular expression found in the words of the target (its text, name, label)
 */
public record RiskRule(RiskClass risk, Optional<String> site, Optional<String> url, Optional<Pattern> words) {

    public RiskRule {
        Require.nonNull(risk, "risk");
        site = site == null ? Optional.empty() : site.map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty());
        url = url == null ? Optional.empty() : url.filter(s -> !s.isBlank());
        words = words == null ? Optional.empty() : words;
        if (site.isEmpty() && url.isEmpty() && words.isEmpty()) {
            throw new IllegalArgumentException("a risk rule needs a site, a url or words to match");
        }
    }

    public static RiskRule onSite(String host, RiskClass risk) {
        return new RiskRule(risk, Optional.of(host), Optional.empty(), Optional.empty());
    }

    boolean matches(String address, String targetWords) {
        return site.map(host -> SiteList.hostMatches(SiteList.hostOf(address), host)).orElse(true)
                && url.map(address::contains).orElse(true)
                && words.map(pattern -> pattern.matcher(targetWords).find()).orElse(true);
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder();
        site.ifPresent(s -> where.append(" on ").append(s));
        url.ifPresent(u -> where.append(" at addresses containing \"").append(u).append('"'));
        words.ifPresent(w -> where.append(" on targets matching /").append(w).append('/'));
        return "anything" + where + " is " + risk;
    }
}
