package dev.deft.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** What an MCP tool answered, as text a model and a person can read: its text parts, and a line for each other part. */
final class ToolAnswer {
    private ToolAnswer() {
    }

    static String text(McpSchema.CallToolResult result, io.modelcontextprotocol.json.McpJsonMapper json) {
        List<String> parts = new ArrayList<>();
        for (McpSchema.Content content : result.content() == null ? List.<McpSchema.Content>of() : result.content()) {
            parts.add(part(content));
        }
        if (parts.isEmpty() && result.structuredContent() != null) {
            try {
                parts.add(json.writeValueAsString(result.structuredContent()));
            } catch (java.io.IOException e) {
                parts.add(String.valueOf(result.structuredContent()));
            }
        }
        return String.join("\n", parts);
    }

    private static String part(McpSchema.Content content) {
        if (content instanceof McpSchema.TextContent text) {
            return text.text();
        }
        if (content instanceof McpSchema.ImageContent image) {
            return "[an image, " + image.mimeType() + ", " + bytes(image.data()) + " bytes]";
        }
        if (content instanceof McpSchema.AudioContent audio) {
            return "[a sound, " + audio.mimeType() + ", " + bytes(audio.data()) + " bytes]";
        }
        if (content instanceof McpSchema.EmbeddedResource embedded) {
            if (embedded.resource() instanceof McpSchema.TextResourceContents text) {
                return text.text();
            }
            return "[a resource, " + embedded.resource().uri() + "]";
        }
        if (content instanceof McpSchema.ResourceLink link) {
            return "[a link to " + link.uri() + "]";
        }
        return "[" + content.type() + "]";
    }

    private static int bytes(String base64) {
        try {
            return base64 == null ? 0 : Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return base64.length();
        }
    }
}
