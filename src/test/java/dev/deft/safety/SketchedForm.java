package dev.deft.safety;

import dev.deft.core.RiskClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One line of {@code safety/forms.txt}: a form described in a few words (what it is, what holds it, its fields and
 * texts, its control) and what the risk rules must make of it; {@link #html()} writes it as a page that posts what it
 * submits to {@code /submit}, by the browser for a form and by script for the rest.
 *
 * @param line     the line's number in the file
 * @param risky    whether the control must stop at an approval
 * @param expected the class the rules must give (for a risky form, at least this one)
 */
record SketchedForm(int line, boolean risky, RiskClass expected, String what, Holder holder, List<Part> parts,
                    Control control) {

    enum Holder { FORM, SECTION, DIALOG }

    /** A heading, a line of text or a field of the form. */
    sealed interface Part permits Heading, Text, Field {
    }

    record Heading(String words) implements Part {
    }

    record Text(String words) implements Part {
    }

    /** @param how how the label is shown: label (a label for it), wrap, aria or placeholder */
    record Field(String type, String label, String how, String autocomplete, List<String> options) implements Part {
    }

    /** @param kind button, submit, link, div or icon */
    record Control(String kind, String words) {
    }

    /** What each kind of field holds, so that the browser finds every form valid and the card shows a payload. */
    private static final Map<String, String> VALUES = Map.of("email", "sam.rivera@example.org",
            "tel", "+33 6 12 34 56 78", "number", "2", "url", "https://sam.example.org", "date", "2025-06-14",
            "password", "a-long-passphrase", "search", "desk lamp", "textarea", "Looking forward to it.",
            "text", "Sam Rivera");

    static SketchedForm parse(int line, String text) {
        String[] columns = text.split("\\s*\\|\\s*");
        if (columns.length != 5) {
            throw new IllegalArgumentException("line " + line + " has " + columns.length + " columns, not 5: " + text);
        }
        String[] expect = columns[0].split(":");
        if (expect.length != 2 || !List.of("ordinary", "risky").contains(expect[0])) {
            throw new IllegalArgumentException("line " + line + " expects neither ordinary:CLASS nor risky:CLASS");
        }
        List<Part> parts = Arrays.stream(columns[3].split("\\s*;\\s*")).filter(p -> !p.isBlank())
                .map(p -> part(line, p)).toList();
        String[] control = columns[4].split(":", 2);
        return new SketchedForm(line, expect[0].equals("risky"), RiskClass.valueOf(expect[1].strip()), columns[1],
                Holder.valueOf(columns[2].toUpperCase(Locale.ROOT)), parts, new Control(control[0], control[1]));
    }

    private static Part part(int line, String text) {
        String[] bits = text.split(":");
        switch (bits[0]) {
            case "heading":
                return new Heading(text.substring("heading:".length()));
            case "text":
                return new Text(text.substring("text:".length()));
            case "field":
                String how = "label";
                String autocomplete = "";
                List<String> options = List.of();
                for (int i = 3; i < bits.length; i++) {
                    if (bits[i].startsWith("ac=")) {
                        autocomplete = bits[i].substring(3);
                    } else if (bits[i].startsWith("options=")) {
                        options = List.of(bits[i].substring(8).split("/"));
                    } else {
                        how = bits[i];
                    }
                }
                return new Field(bits[1], bits[2], how, autocomplete, options);
            default:
                throw new IllegalArgumentException("line " + line + ": no part of a form is called " + bits[0]);
        }
    }

    /** The page: a little site header, then the holder with its parts and, last, its control. */
    String html() {
        StringBuilder out = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(what)).append("</title></head><body><header><a href=\"/\">Home</a> · ")
                .append("<a href=\"/help\">Help</a></header><main>");
        out.append(switch (holder) {
            case FORM -> "<form method=\"post\" action=\"/submit\" data-holder>";
            case SECTION -> "<section data-holder>";
            case DIALOG -> "<div role=\"dialog\" aria-labelledby=\"title-of-dialog\" data-holder>";
        });
        int number = 0;
        for (Part part : parts) {
            number++;
            if (part instanceof Heading heading) {
                String id = holder == Holder.DIALOG ? " id=\"title-of-dialog\"" : "";
                out.append("<h2").append(id).append('>').append(escape(heading.words())).append("</h2>");
            } else if (part instanceof Text line) {
                out.append("<p>").append(escape(line.words())).append("</p>");
            } else if (part instanceof Field field) {
                out.append("<p>").append(field(field, "field-" + number)).append("</p>");
            }
        }
        out.append("<p>").append(controlHtml()).append("</p>");
        out.append(switch (holder) {
            case FORM -> "</form>";
            case SECTION -> "</section>";
            case DIALOG -> "</div>";
        });
        // a control that is not the form's own button posts the holder's fields by script, as sites built of divs do
        return out.append("</main><script>function send(control){const holder=control.closest('[data-holder]');")
                .append("const data={};holder.querySelectorAll('input,textarea,select').forEach(f=>{")
                .append("data[f.name]=f.type==='checkbox'?String(f.checked):f.value;});")
                .append("fetch('/submit',{method:'POST',headers:{'Content-Type':'application/json'},")
                .append("body:JSON.stringify(data)}).then(()=>{document.title='Sent';});return false;}</script>")
                .append("</body></html>").toString();
    }

    private String controlHtml() {
        String words = escape(control.words());
        boolean byBrowser = holder == Holder.FORM;
        String press = byBrowser ? "" : " onclick=\"return send(this)\"";
        return switch (control.kind()) {
            case "button" -> "<button" + (byBrowser ? "" : " type=\"button\"") + press + ">" + words + "</button>";
            case "submit" -> "<input type=\"" + (byBrowser ? "submit" : "button") + "\"" + press + " value=\"" + words
                    + "\">";
            case "icon" -> "<button" + (byBrowser ? "" : " type=\"button\"") + press + " aria-label=\"" + words
                    + "\"><span aria-hidden=\"true\">&#9679;</span></button>";
            case "link" -> "<a href=\"#\" onclick=\"return send(this)\">" + words + "</a>";
            case "div" -> "<div role=\"button\" tabindex=\"0\" onclick=\"return send(this)\">" + words + "</div>";
            default -> throw new IllegalArgumentException("line " + line + ": no control is called " + control.kind());
        };
    }

    private static String field(Field field, String id) {
        String name = field.label().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d]+", "-");
        String value = VALUES.getOrDefault(field.type(), "");
        List<String> attributes = new ArrayList<>(List.of("id=\"" + id + "\"", "name=\"" + name + "\""));
        if (!field.autocomplete().isEmpty()) {
            attributes.add("autocomplete=\"" + escape(field.autocomplete()) + "\"");
        }
        switch (field.how()) {
            case "aria" -> attributes.add("aria-label=\"" + escape(field.label()) + "\"");
            case "placeholder" -> attributes.add("placeholder=\"" + escape(field.label()) + "\"");
            case "label", "wrap" -> { }
            default -> throw new IllegalArgumentException("no field is labelled by " + field.how());
        }
        String own = String.join(" ", attributes);
        String element = switch (field.type()) {
            case "textarea" -> "<textarea " + own + ">" + escape(value) + "</textarea>";
            case "select" -> "<select " + own + ">" + field.options().stream()
                    .map(o -> "<option>" + escape(o) + "</option>").collect(Collectors.joining()) + "</select>";
            case "checkbox", "file" -> "<input type=\"" + field.type() + "\" " + own + ">";
            default -> "<input type=\"" + field.type() + "\" " + own + " value=\"" + escape(value) + "\">";
        };
        return switch (field.how()) {
            case "label" -> "<label for=\"" + id + "\">" + escape(field.label()) + "</label> " + element;
            case "wrap" -> "<label>" + escape(field.label()) + " " + element + "</label>";
            default -> element;
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** How a test report names it. */
    @Override
    public String toString() {
        return "line " + line + ", " + (risky ? "risky " : "ordinary ") + expected + ": " + shortly();
    }

    /** How the table names it. */
    String shortly() {
        return what + " (" + holder.name().toLowerCase(Locale.ROOT) + ", " + control.kind() + " \"" + control.words()
                + "\")";
    }
}
