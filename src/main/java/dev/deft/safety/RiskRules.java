package dev.deft.safety;

import dev.deft.core.Action;
import dev.deft.core.Amount;
import dev.deft.core.ApprovalRequest;
import dev.deft.core.Locator;
import dev.deft.core.Observation;
import dev.deft.core.RiskClass;
import dev.deft.core.RiskPolicy;
import dev.deft.core.Secrets;
import dev.deft.core.Target;
import dev.deft.core.TargetFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The risk rules, in one place. An action's class starts from its kind (reading is READ, filling a field INPUT);
 * an action that triggers something (a click, Enter in a field) is raised by the words on what it acts on, by the
 * form it submits (card or amount fields: PAY; a recipient and a message: SEND; a new password: ACCOUNT), and by
 * the person's own rules. Only the action and facts about its target count: the text of the page never does, but for
 * an amount of money shown beside the target, which can only raise its class.
 */
public final class RiskRules implements RiskPolicy {

    /**
     * Words of putting a thing in a cart or a list: a change the person undoes with one click, so neither a price on
     * the control nor the form it posts makes it more than INPUT.
     */
    private static final Pattern INTO_A_LIST = words("add(ed)? to (the |my |your )?(cart|basket|bag|trolley|wish ?list"
            + "|favou?rites|list)");

    /** Words on a control, strongest class first; the first class whose words match wins. */
    private static final List<Rule> WORDS = List.of(
            new Rule(RiskClass.ACCOUNT, words("password", "passcode", "passphrase", "permissions?", "grant access",
                    "authori[sz]e", "install", "uninstall", "two-factor", "2fa", "security settings", "api keys?",
                    "revoke", "sign out of all", "log out of all", "make admin", "change email")),
            new Rule(RiskClass.DELETE, words("delete", "remove", "discard", "erase", "destroy", "trash", "wipe",
                    "empty trash", "unsubscribe",
                    "(close|deactivate|disable|terminate) (my |your |the |this )?account",
                    "cancel (my |your |the |this )?(order|subscription|account|membership|booking|reservation|plan)")),
            new Rule(RiskClass.PAY, words("pay", "pay now", "buy", "buy now", "purchase", "checkout", "check out",
                    "transfer", "donate", "book now", "add card", "order now",
                    "(place|submit|confirm|complete) (my |your |the )?order", "confirm payment", "complete purchase",
                    "upgrade plan")),
            new Rule(RiskClass.SEND, words("send", "send now", "post", "publish", "share", "invite", "reply",
                    "reply all", "forward", "tweet", "comment", "post comment", "submit review", "retweet", "repost")),
            new Rule(RiskClass.SUBMIT, words("submit", "save", "continue", "next", "search", "go", "ok", "confirm",
                    "apply", "sign in", "log in", "login", "register", "sign up", "create", "update", "accept")),
            new Rule(RiskClass.INPUT, INTO_A_LIST));

    /** Words of concluding something: beside an amount of money, agreeing to pay it ("Confirm", "Total: 24,90 €"). */
    private static final Pattern CONCLUDES = words("confirm", "complete", "finish", "finali[sz]e", "reserve", "book",
            "accept");
    /** Words of subscribing: PAY, unless what is subscribed to is plainly free ({@link #isFreeSubscription}). */
    private static final Pattern SUBSCRIBES = words("subscribe");
    /** What a person subscribes to that costs nothing: news and mail about something. */
    private static final Pattern NEWSLETTER = words("newsletters?", "mailing list", "updates", "news", "digest",
            "alerts", "e-?mails?");
    private static final Pattern EMAIL_FIELD = words("e-?mail");
    private static final Pattern NAME_FIELD = words("name", "given-name", "family-name", "nickname");

    private static final Pattern CARD_FIELD = words("cc-number", "cc-csc", "cc-exp", "cc-exp-month", "cc-exp-year",
            "card ?number", "credit card", "debit card", "cvc", "cvv", "cv2", "security code", "expiry", "expiration",
            "iban", "routing number", "sort code");
    private static final Pattern AMOUNT_FIELD = words("amount");
    /** Words of looking for things: a form it submits holds what to look for, so an amount there is a criterion. */
    private static final Pattern SEARCHES = words("search", "filters?", "find", "look up");
    /**
     * A field for someone else: labelled "To" (or Cc, Bcc) and nothing more, saying recipient, or whose address it is
     * (a friend's e-mail, their phone).
     */
    private static final Pattern RECIPIENT_FIELD = Pattern.compile("^\\W*(to|cc|bcc)\\W*$|(?<![\\p{L}\\d])(recipients?"
            + "|send to|e-?mail to|mail to|(friend|colleague)s?(['’]s?)? (e-?mail|phone|mobile|number|address)"
            + "|their (e-?mail|phone|mobile|number|address))(?![\\p{L}\\d])");
    /** What names a person or a place to deliver to: where no message can be sent. */
    private static final Pattern NAME_OR_PLACE = words("name", "given-name", "family-name", "nickname", "street",
            "street-address", "address-line[1-3]", "address-level[1-4]", "postal-code", "postcode", "zip", "city",
            "country");
    /** What says a field holds a way to reach someone. */
    private static final Pattern REACH = words("e-?mail", "phone", "mobile", "tel", "number", "handle", "username",
            "user name");
    private static final Pattern MESSAGE_FIELD = words("message", "body", "comment", "content", "post", "reply",
            "text", "compose");
    /** Words of keeping a message to look at or finish later: it leaves for nobody. */
    private static final Pattern KEEPS = words("drafts?", "preview");
    private static final Pattern NEW_PASSWORD_FIELD = words("new-password", "new password", "confirm password",
            "repeat password", "change password");
    private static final Pattern CURRENT_PASSWORD_FIELD = words("current-password", "current password",
            "old password", "existing password");
    /** Words of making a new account, where a new password replaces none. */
    private static final Pattern SIGNS_UP = words("sign up", "sign me up", "register", "join",
            "create (an |a new |my |your )?account");

    private final List<RiskRule> personal;
    private final List<ToolRisk> tools;

    public RiskRules() {
        this(List.of());
    }

    /** @param personal the person's own rules from the configuration, which can only raise a class */
    public RiskRules(List<RiskRule> personal) {
        this(personal, List.of());
    }

    /** @param tools the classes the configuration gives the tools of MCP servers, which can only raise SUBMIT */
    public RiskRules(List<RiskRule> personal, List<ToolRisk> tools) {
        this.personal = List.copyOf(personal);
        this.tools = List.copyOf(tools);
    }

    @Override
    public RiskClass classify(Action action, Observation observation) {
        Observation seen = observation == null ? Observation.NONE : observation;
        if (action instanceof Action.CallTool call) {
            return ofTool(call);
        }
        RiskClass base = baseOf(action);
        if (base == RiskClass.READ && !triggers(action)) {
            return RiskClass.READ;
        }
        Optional<TargetFacts> facts = action.target().flatMap(seen::factsAbout);
        String words = targetWords(action.target(), facts);
        if (action instanceof Action.Drag drag) {
            // what a thing is dropped on counts as much as the thing: a file dragged onto "Trash" is deleted
            words = words + " " + targetWords(Optional.of(drag.to()), seen.factsAbout(drag.to()));
        }
        if (action instanceof Action.Launch launch) {
            words = lower(launch.application());
        }
        RiskClass risk = base;
        if (action instanceof Action.Type type && Secrets.hasPlaceholder(type.text())
                && !facts.map(f -> f.inputType().equalsIgnoreCase("password")).orElse(false)) {
            // A secret belongs in a password field; anywhere else a page could read it back, so a person decides.
            risk = risk.atLeast(RiskClass.ACCOUNT);
        }
        if (triggers(action)) {
            risk = risk.atLeast(byWords(words));
            boolean intoAList = INTO_A_LIST.matcher(words).find(); // "Add to cart — 19,99 €" buys nothing yet
            if (isButtonLike(facts) && Amount.in(words).isPresent() && !intoAList) { // "Pay $25", "Donate 10 €"
                risk = risk.atLeast(RiskClass.PAY);
            }
            if (isButtonLike(facts) && CONCLUDES.matcher(words).find() && showsAmount(facts)) {
                risk = risk.atLeast(RiskClass.PAY);
            }
            if (SUBSCRIBES.matcher(words).find()) {
                risk = risk.atLeast(isFreeSubscription(words, facts) ? RiskClass.SUBMIT : RiskClass.PAY);
            }
            boolean submits = action instanceof Action.PressKey || facts.map(TargetFacts::submits).orElse(false);
            if (submits) {
                risk = risk.atLeast(intoAList ? RiskClass.INPUT : RiskClass.SUBMIT)
                        .atLeast(byForm(facts.map(TargetFacts::form).orElse(List.of()), words));
            }
            if (action instanceof Action.Launch launch) {
                risk = risk.atLeast(byProgram(launch.application()));
            }
            if (action instanceof Action.PressKey && MESSAGE_FIELD.matcher(words).find()) {
                risk = risk.atLeast(RiskClass.SEND); // Enter in a message box sends it
            }
        }
        for (RiskRule rule : personal) {
            if (rule.matches(seen.location(), words)) {
                risk = risk.atLeast(rule.risk());
            }
        }
        return risk;
    }

    /**
     * What the action carries, and the filled fields of the form it submits, as a person must see them before
     * saying yes: card numbers down to their last four digits, codes and passwords hidden.
     */
    @Override
    public Map<String, String> payload(Action action, Observation observation) {
        Map<String, String> payload = new LinkedHashMap<>(ApprovalRequest.payloadOf(action));
        Observation seen = observation == null ? Observation.NONE : observation;
        if (!seen.location().isBlank()) {
            payload.put("page", seen.location());
        }
        action.target().flatMap(seen::factsAbout).ifPresent(facts -> {
            facts.form().stream().filter(field -> !field.value().isBlank())
                    .forEach(field -> payload.put(label(field), PayloadMask.value(field)));
            facts.nearby().stream().filter(text -> Amount.in(text).isPresent()).findFirst()
                    .ifPresent(text -> payload.put("amount shown", text));
        });
        return payload;
    }

    /**
     * A tool of another program: what it does is known only by its name, so it is SUBMIT (done without asking, like
     * an ordinary form) unless the configuration raises it.
     */
    private RiskClass ofTool(Action.CallTool call) {
        RiskClass risk = RiskClass.SUBMIT;
        for (ToolRisk rule : tools) {
            if (rule.matches(call.server(), call.tool())) {
                risk = risk.atLeast(rule.risk());
            }
        }
        return risk;
    }

    private static String label(TargetFacts.Field field) {
        return !field.label().isBlank() ? field.label() : !field.name().isBlank() ? field.name() : field.autocomplete();
    }

    /** The class an action has by its kind alone. */
    private static RiskClass baseOf(Action action) {
        if (action instanceof Action.Type || action instanceof Action.Select || action instanceof Action.SetChecked
                || action instanceof Action.Upload) {
            return RiskClass.INPUT;
        }
        if (action instanceof Action.Drag) {
            return RiskClass.INPUT;
        }
        if (action instanceof Action.RunSkill || action instanceof Action.Launch) {
            // a launched program can do anything its command line says; its words may raise it further
            return RiskClass.SUBMIT; // each of a skill's own steps is classed again when it runs
        }
        if (action instanceof Action.PressKey key) {
            return key.isEnter() || submitsByChord(key) ? RiskClass.SUBMIT : RiskClass.INPUT;
        }
        return RiskClass.READ;
    }

    /** Whether the action sets something off: a click, or a key that submits. */
    private static boolean triggers(Action action) {
        return action instanceof Action.Click || action instanceof Action.Drag || action instanceof Action.Launch
                || action instanceof Action.PressKey key && (key.isEnter() || submitsByChord(key));
    }

    private static boolean submitsByChord(Action.PressKey key) {
        String keys = key.keys().toLowerCase(Locale.ROOT);
        return keys.endsWith("+enter") || keys.endsWith("+return");
    }

    private static RiskClass byWords(String words) {
        for (Rule rule : WORDS) {
            if (rule.pattern().matcher(words).find()) {
                return rule.risk();
            }
        }
        return RiskClass.READ;
    }

    /** Programs whose very purpose is to delete or to change the system, whatever their arguments say. */
    private static final Pattern DELETING_PROGRAM = Pattern.compile("^(rm|rmdir|shred|unlink|wipe|srm)$");
    private static final Pattern SYSTEM_PROGRAM = Pattern.compile(
            "^(sudo|su|doas|pkexec|chmod|chown|passwd|apt|apt-get|dpkg|snap|flatpak|pip3?|npm|systemctl|mkfs.*|dd)$");

    /** The class a launched command line has by the program it runs. */
    private static RiskClass byProgram(String commandLine) {
        String program = lower(commandLine.strip().split("\\s+")[0]);
        program = program.substring(program.lastIndexOf('/') + 1);
        if (SYSTEM_PROGRAM.matcher(program).matches()) return RiskClass.ACCOUNT;
        if (DELETING_PROGRAM.matcher(program).matches()) return RiskClass.DELETE;
        return RiskClass.SUBMIT;
    }

    /** What submitting a form with these fields, by a control with these words, does beyond submitting it. */
    private static RiskClass byForm(List<TargetFacts.Field> form, String words) {
        RiskClass risk = RiskClass.READ;
        long passwords = form.stream().filter(f -> f.inputType().equalsIgnoreCase("password")).count();
        boolean newPassword = passwords >= 2
                || form.stream().anyMatch(f -> NEW_PASSWORD_FIELD.matcher(lower(f.words())).find());
        // a new password replaces the current one, unless the control signs up for a new account and none is asked
        boolean replaces = form.stream().anyMatch(f -> CURRENT_PASSWORD_FIELD.matcher(lower(f.words())).find())
                || !SIGNS_UP.matcher(words).find();
        if (newPassword && replaces) {
            risk = risk.atLeast(RiskClass.ACCOUNT);
        }
        if (form.stream().anyMatch(f -> CARD_FIELD.matcher(lower(f.words())).find())) {
            risk = risk.atLeast(RiskClass.PAY);
        }
        boolean amount = form.stream().anyMatch(f -> AMOUNT_FIELD.matcher(lower(f.words())).find());
        if (amount && !SEARCHES.matcher(words).find()) {
            risk = risk.atLeast(RiskClass.PAY);
        }
        // someone else's address and a message: the person's own e-mail in a profile, or a text field, is neither
        boolean recipient = form.stream().anyMatch(RiskRules::isRecipient);
        boolean message = form.stream().anyMatch(f -> MESSAGE_FIELD.matcher(lower(f.label() + " " + f.name())).find()
                || f.inputType().equalsIgnoreCase("textarea"));
        if (recipient && message && !KEEPS.matcher(words).find()) {
            risk = risk.atLeast(RiskClass.SEND);
        }
        return risk;
    }

    /**
     * Whether a control that says "subscribe" plainly costs nothing: no amount on it or shown around it, and it says
     * it is for a newsletter (news, updates, mail), or all its form asks is where to write to the person (an e-mail
     * address, perhaps a name and a box to tick). A subscription with money in sight, or with anything else to fill
     * in, is a purchase.
     */
    private static boolean isFreeSubscription(String words, Optional<TargetFacts> facts) {
        if (Amount.in(words).isPresent() || showsAmount(facts)) {
            return false;
        }
        if (NEWSLETTER.matcher(words).find()) {
            return true;
        }
        List<TargetFacts.Field> form = facts.map(TargetFacts::form).orElse(List.of());
        return form.stream().anyMatch(RiskRules::isOwnEmail) && form.stream().allMatch(f -> isOwnEmail(f)
                || NAME_FIELD.matcher(lower(f.label() + " " + f.autocomplete())).find()
                || f.inputType().equalsIgnoreCase("checkbox"));
    }

    /** Whether an amount of money is shown around the control, in its form or section ("Total: 24,90 €"). */
    private static boolean showsAmount(Optional<TargetFacts> facts) {
        return facts.map(f -> f.nearby().stream().anyMatch(text -> Amount.in(text).isPresent())).orElse(false);
    }

    /** A field for an e-mail address that is not someone else's. */
    private static boolean isOwnEmail(TargetFacts.Field field) {
        boolean email = field.inputType().equalsIgnoreCase("email") || field.autocomplete().contains("email")
                || EMAIL_FIELD.matcher(lower(field.label() + " " + field.name())).find();
        return email && !isRecipient(field);
    }

    /**
     * A field for someone else's address: a line (not a text area) that says it is for someone else, unless it only
     * names them or a place to deliver to ("Recipient name" on a parcel receives no message).
     */
    private static boolean isRecipient(TargetFacts.Field field) {
        boolean saysSo = RECIPIENT_FIELD.matcher(lower(field.label())).find()
                || RECIPIENT_FIELD.matcher(lower(field.name())).find();
        if (!saysSo || field.inputType().equalsIgnoreCase("textarea")) {
            return false;
        }
        String words = lower(field.words());
        boolean reaches = List.of("email", "tel").contains(lower(field.inputType())) || REACH.matcher(words).find();
        return reaches || !NAME_OR_PLACE.matcher(words).find();
    }

    private static boolean isButtonLike(Optional<TargetFacts> facts) {
        return facts.map(f -> !f.role().equalsIgnoreCase("link")).orElse(true);
    }

    private static String targetWords(Optional<Target> target, Optional<TargetFacts> facts) {
        List<String> words = new ArrayList<>();
        target.ifPresent(t -> t.locators().forEach(locator -> words.add(text(locator))));
        facts.ifPresent(f -> {
            words.add(f.text());
            words.add(f.name());
            words.add(f.autocomplete());
        });
        return lower(String.join(" ", words));
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

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static Pattern words(String... phrases) {
        return Pattern.compile("(?<![\\p{L}\\d])(" + String.join("|", phrases) + ")(?![\\p{L}\\d])");
    }

    private record Rule(RiskClass risk, Pattern pattern) {
    }
}
