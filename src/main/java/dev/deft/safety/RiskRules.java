package dev.deft.safety;

import dev.deft.core.Action;
import dev.deft.core.Locator;
import dev.deft.core.Observation;
import dev.deft.core.RiskClass;
import dev.deft.core.RiskPolicy;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The risk rules in one place: the class an action gets from its kind and from the words on what it acts on.
 * Words are matched on the action's own data (its target's locators, the text it types), never on page text.
 */
public final class RiskRules implements RiskPolicy {

    private static final Pattern ACCOUNT = words("password", "passcode", "permission", "permissions", "install",
            "uninstall", "two-factor", "2fa", "security", "api key", "sign out everywhere");
    private static final Pattern DELETE = words("delete", "remove", "discard", "erase", "destroy", "close account",
            "cancel order", "cancel subscription", "cancel account", "trash", "empty trash", "wipe");
    private static final Pattern PAY = words("pay", "buy", "purchase", "order", "place order", "checkout",
            "check out", "transfer", "subscribe", "donate", "book now", "complete purchase", "add card");
    private static final Pattern SEND = words("send", "post", "publish", "share", "invite", "reply", "tweet",
            "comment", "submit review", "message", "forward");
    private static final Pattern SUBMIT = words("submit", "save", "continue", "next", "search", "go", "ok",
            "confirm", "apply", "sign in", "log in", "login", "register", "sign up");

    @Override
    public RiskClass classify(Action action, Observation observation) {
        if (action instanceof Action.OpenUrl || action instanceof Action.Scroll || action instanceof Action.WaitFor
                || action instanceof Action.Extract || action instanceof Action.AskUser
                || action instanceof Action.Finish || action instanceof Action.Hover
                || action instanceof Action.SwitchTab || action instanceof Action.CloseTab) {
            return RiskClass.READ;
        }
        if (action instanceof Action.RunSkill) {
            return RiskClass.SUBMIT; // each of the skill's own steps is classed again when it runs
        }
        if (action instanceof Action.Type || action instanceof Action.Select || action instanceof Action.SetChecked
                || action instanceof Action.Upload) {
            return RiskClass.INPUT;
        }
        if (action instanceof Action.PressKey key) {
            return key.isEnter() ? byWords(targetWords(action), RiskClass.SUBMIT) : RiskClass.INPUT;
        }
        return byWords(targetWords(action), RiskClass.READ);
    }

    private static RiskClass byWords(String words, RiskClass otherwise) {
        if (ACCOUNT.matcher(words).find()) return RiskClass.ACCOUNT;
        if (DELETE.matcher(words).find()) return RiskClass.DELETE;
        if (PAY.matcher(words).find()) return RiskClass.PAY;
        if (SEND.matcher(words).find()) return RiskClass.SEND;
        if (SUBMIT.matcher(words).find()) return otherwise.atLeast(RiskClass.SUBMIT);
        return otherwise;
    }

    private static String targetWords(Action action) {
        StringBuilder words = new StringBuilder();
        action.target().ifPresent(target -> target.locators().forEach(locator -> words.append(' ').append(text(locator))));
        return words.toString().toLowerCase(Locale.ROOT);
    }

    private static String text(Locator locator) {
        if (locator instanceof Locator.Text t) return t.text();
        if (locator instanceof Locator.Name n) return n.name();
        if (locator instanceof Locator.Label l) return l.label();
        if (locator instanceof Locator.Placeholder p) return p.placeholder();
        if (locator instanceof Locator.Role r) return r.name();
        if (locator instanceof Locator.ScreenText s) return s.text();
        if (locator instanceof Locator.NearText n) return n.text();
        return "";
    }

    private static Pattern words(String... phrases) {
        return Pattern.compile("\\b(" + String.join("|", phrases) + ")\\b");
    }
}
