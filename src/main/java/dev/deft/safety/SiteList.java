package dev.deft.safety;

import dev.deft.core.Action;
import dev.deft.core.Outcome;
import dev.deft.core.Step;
import dev.deft.core.StepInterceptor;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The sites Deft may act on, from the configuration: with an allow-list, only those; never those on the deny-list.
 * A host matches itself and its subdomains. Opening a page is checked against the page's address; every other
 * action against the address of the page it is planned on.
 */
public final class SiteList implements StepInterceptor {
    private final List<String> allow;
    private final List<String> deny;

    public SiteList(List<String> allow, List<String> deny) {
        this.allow = normalised(allow);
        this.deny = normalised(deny);
    }

    @Override
    public Outcome intercept(Chain chain) {
        Step step = chain.step();
        String address = step.action() instanceof Action.OpenUrl open ? open.url() : step.before().location();
        String host = hostOf(address);
        if (host.isEmpty()) {
            return chain.proceed(step);
        }
        if (deny.stream().anyMatch(denied -> hostMatches(host, denied))) {
            return Outcome.failed(host + " is on your deny-list, so Deft will not act there (\"sites\" in config.json).");
        }
        if (!allow.isEmpty() && allow.stream().noneMatch(allowed -> hostMatches(host, allowed))) {
            return Outcome.failed(host + " is not on your allow-list, so Deft will not act there (\"sites\" in config.json).");
        }
        return chain.proceed(step);
    }

    static String hostOf(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        try {
            String host = URI.create(address.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static boolean hostMatches(String host, String rule) {
        return !host.isEmpty() && (host.equals(rule) || host.endsWith("." + rule));
    }

    private static List<String> normalised(List<String> hosts) {
        return hosts == null ? List.of() : hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .map(h -> h.startsWith("*.") ? h.substring(2) : h).filter(h -> !h.isEmpty()).toList();
    }
}
