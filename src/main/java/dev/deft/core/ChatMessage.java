package dev.deft.core;

import java.nio.file.Path;
import java.util.List;

/** One turn of a conversation with a {@link LanguageModel}; the system prompt is not a turn but part of the request. */
public sealed interface ChatMessage {

    /** What the person (or Deft on their behalf) says, with screenshots where the model takes images. */
    record User(String text, List<Path> images) implements ChatMessage {
        public User {
            Require.nonNull(text, "text");
            images = List.copyOf(images == null ? List.of() : images);
        }
        public User(String text) { this(text, List.of()); }
    }

    /** What the model answered: text, tool calls, or both. */
    record Assistant(String text, List<LanguageModel.ToolCall> toolCalls) implements ChatMessage {
        public Assistant {
            text = text == null ? "" : text;
            toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
        }
    }

    /** The answer to one tool call, matched to it by {@code callId}; {@code error} marks a call that was refused. */
    record ToolResult(String callId, String toolName, String content, boolean error) implements ChatMessage {
        public ToolResult {
            callId = Require.nonBlank(callId, "callId");
            toolName = Require.nonBlank(toolName, "toolName");
            Require.nonNull(content, "content");
        }
    }
}
