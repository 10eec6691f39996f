package dev.deft.plan;

/** An intent in a few plain words, for messages: {@code click "Add to cart"}. */
final class IntentWords {
    private IntentWords() {
    }

    static String of(Intent intent) {
        if (intent instanceof Intent.Open o) return "open " + o.where();
        if (intent instanceof Intent.Click c) return "click " + c.thing();
        if (intent instanceof Intent.Fill f) return "put " + value(f.value()) + f.field().map(p -> " in " + p).orElse("");
        if (intent instanceof Intent.Choose c) return "choose \"" + c.option() + "\"";
        if (intent instanceof Intent.SetBoxes b) return (b.checked() ? "check " : "uncheck ") + b.boxes();
        if (intent instanceof Intent.Search s) return "search for \"" + s.query() + "\"";
        if (intent instanceof Intent.LogIn l) return "log in as " + l.user();
        if (intent instanceof Intent.Press p) return "press " + p.keys();
        if (intent instanceof Intent.Scroll) return "scroll";
        if (intent instanceof Intent.WaitFor w) return "see \"" + w.text() + "\"";
        if (intent instanceof Intent.Read r) return "read " + r.thing().map(Phrase::toString).orElse("the page");
        if (intent instanceof Intent.AddToCart a) return "add " + a.item() + " to the cart";
        if (intent instanceof Intent.CheckOut) return "check out";
        if (intent instanceof Intent.Locate l) return "find " + l.thing();
        if (intent instanceof Intent.Expand e) return "open " + e.section().map(Phrase::toString).orElse("the section");
        if (intent instanceof Intent.Pause p) return "wait " + dev.deft.core.Brief.seconds(p.time());
        if (intent instanceof Intent.Unread u) return "do \"" + u.clause() + "\"";
        if (intent instanceof Intent.Cannot c) return "do \"" + c.clause() + "\"";
        return "finish";
    }

    private static String value(Intent.Value value) {
        if (value instanceof Intent.Value.Text text) return "\"" + text.text() + "\"";
        if (value instanceof Intent.Value.Described described) return described.description();
        return "what was read";
    }
}
