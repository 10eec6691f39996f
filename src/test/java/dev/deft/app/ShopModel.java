package dev.deft.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A model for tests that buys the cheapest USB cable in the demo shop, served as an OpenAI-compatible chat completions
 * endpoint that streams its answers as the API reference shows them. Like a model, it reads only the prompt: it finds
 * where the page is from the observation's address and the elements by the numbers the observation gives them, and
 * answers with tool calls. What it could not find it reports by finishing unsuccessfully, so a test fails with it.
 */
final class ShopModel extends Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every request body received, in order. */
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!request.getPath().endsWith("/chat/completions")) {
            return new MockResponse().setResponseCode(404).setBody("{\"error\":{\"message\":\"no such route\"}}");
        }
        try {
            JsonNode body = JSON.readTree(request.getBody().readUtf8());
            requests.add(body);
            String prompt = lastUserText(body);
            return OpenAiStream.answer(requests.size(), "Looking at " + address(prompt) + ".", next(prompt));
        } catch (Exception e) {
            return new MockResponse().setResponseCode(400).setBody("{\"error\":{\"message\":\"" + e + "\"}}");
        }
    }

    /** What a model would do next on the page the prompt shows. */
    private static List<OpenAiStream.Call> next(String prompt) {
        String address = address(prompt);
        if (prompt.contains("Thank you! Order #")) {
            Matcher placed = Pattern.compile("Thank you! Order #\\d+ is placed: [^.\"]+").matcher(prompt);
            return List.of(new OpenAiStream.Call("finish", Map.of("summary", "Bought the USB Cable 1 m. "
                    + (placed.find() ? placed.group() : "The order is placed") + ".", "success", true)));
        }
        try {
            if (address.contains("/checkout.html")) {
                if (prompt.matches("(?s).*\\[\\d+] textbox[^\\n]*\"Name on card\"[^\\n]* value \"Ann Example\".*")) {
                    return List.of(new OpenAiStream.Call("click", Map.of("on", element(prompt, "button \"Place order\""))));
                }
                return List.of(
                        new OpenAiStream.Call("type", Map.of("into", element(prompt, "textbox[^\\n]*\"Name on card\""),
                                "text", "Ann Example")),
                        new OpenAiStream.Call("type", Map.of("into", element(prompt, "textbox[^\\n]*\"Card number\""),
                                "text", "{{secret:card}}")),
                        new OpenAiStream.Call("type", Map.of("into", element(prompt, "textbox[^\\n]*\"MM / YY\""), "text", "12/30")),
                        new OpenAiStream.Call("type", Map.of("into", element(prompt, "textbox[^\\n]*\"Security code\""),
                                "text", "123")));
            }
            if (address.contains("/cart.html")) {
                return List.of(new OpenAiStream.Call("click", Map.of("on", element(prompt, "link \"Go to checkout\""))));
            }
            if (address.contains("q=")) {
                if (prompt.contains("\"Cart (1)\"")) {
                    return List.of(new OpenAiStream.Call("click", Map.of("on", element(prompt, "link \"Cart \\(1\\)\""))));
                }
                return List.of(new OpenAiStream.Call("click", Map.of("on",
                        element(prompt, "button \"Add to cart\"[^\\n]* in \"USB Cable 1 m"))));
            }
            if (address.contains("/shop/")) {
                return List.of(
                        new OpenAiStream.Call("type", Map.of("into", element(prompt, "(?:searchbox|textbox)[^\\n]*\"Search products\""),
                                "text", "USB cable")),
                        new OpenAiStream.Call("click", Map.of("on", element(prompt, "button \"Search\""))));
            }
        } catch (IllegalStateException notThere) {
            return List.of(new OpenAiStream.Call("finish", Map.of("summary", notThere.getMessage(), "success", false)));
        }
        return List.of(new OpenAiStream.Call("finish", Map.of("summary", "The model does not know the page " + address,
                "success", false)));
    }

    /** The element the observation lists as {@code [N] WHAT}, as a target naming its number. */
    private static Map<String, Object> element(String prompt, String what) {
        Matcher line = Pattern.compile("\\[(\\d+)] " + what).matcher(prompt);
        if (!line.find()) {
            System.err.println("ShopModel: no element like " + what + " in the prompt:\n" + prompt);
            throw new IllegalStateException("The model found no element like " + what + " on the page.");
        }
        return Map.of("element", Integer.parseInt(line.group(1)));
    }

    private static String address(String prompt) {
        Matcher address = Pattern.compile("Address: (\\S+)").matcher(prompt);
        String last = "";
        while (address.find()) {
            last = address.group(1);
        }
        return last;
    }

    private static String lastUserText(JsonNode body) {
        StringBuilder text = new StringBuilder();
        for (JsonNode message : body.get("messages")) {
            if (!message.path("role").asText().equals("user")) {
                continue;
            }
            text.setLength(0);
            JsonNode content = message.get("content");
            if (content.isTextual()) {
                text.append(content.asText());
            } else {
                content.forEach(part -> text.append(part.path("text").asText()));
            }
        }
        return text.toString();
    }

}
