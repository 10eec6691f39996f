package dev.deft.core;

import java.util.List;
import java.util.Map;

/**
 * A language model behind one provider's API (a local Ollama, an OpenAI-compatible server, Anthropic). Planners
 * talk to it in these terms only; each provider keeps its wire format to itself. Failures are
 * {@link DeftException}s whose message is one line saying what to do: {@link DeftException.Configuration} for a bad
 * key, an unknown model or an unreachable host, {@link DeftException.Retriable} for a rate limit or a timeout that
 * outlasted the provider's own retries.
 */
public interface LanguageModel {

    /** The provider as the command line names it: {@code ollama}, {@code openai} or {@code anthropic}. */
    String provider();

    /** The model's name at the provider. */
    String model();

    /** Whether the model reads images, so that a screenshot may be sent with a poor observation. */
    boolean acceptsImages();

    /** Sends one request and returns the whole reply; text is passed to {@code stream} as it arrives. */
    Reply chat(Request request, Stream stream);

    default Reply chat(Request request) {
        return chat(request, Stream.NONE);
    }

    /**
     * One request. The system prompt and the tools come first and should not change between the requests of a
     * run, so that providers can serve them from their prompt cache.
     */
    record Request(String system, List<Tool> tools, List<ChatMessage> messages, int maxTokens) {
        public Request {
            system = system == null ? "" : system;
            tools = List.copyOf(tools == null ? List.of() : tools);
            messages = List.copyOf(Require.nonNull(messages, "messages"));
            if (messages.isEmpty()) throw new IllegalArgumentException("a request needs at least one message");
            Require.positive(maxTokens, "maxTokens");
        }
    }

    /**
     * A tool the model may call.
     *
     * @param parameters a JSON schema as a tree of plain maps, lists, strings, numbers and booleans
     */
    record Tool(String name, String description, Map<String, Object> parameters) {
        public Tool {
            name = Require.nonBlank(name, "name");
            description = description == null ? "" : description;
            parameters = Map.copyOf(Require.nonNull(parameters, "parameters"));
        }
    }

    /**
     * A call the model made. {@code arguments} is the JSON text as the model wrote it, unchecked: it may be
     * malformed, and the caller decides what to do with that.
     */
    record ToolCall(String id, String name, String arguments) {
        public ToolCall {
            id = Require.nonBlank(id, "id");
            name = name == null ? "" : name;
            arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
        }
    }

    /** The model's answer, what it cost, and why it stopped ({@code end_turn}, {@code tool_calls}, {@code length}…). */
    record Reply(String text, List<ToolCall> toolCalls, TokenUsage usage, String stopReason) {
        public Reply {
            text = text == null ? "" : text;
            toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
            usage = usage == null ? TokenUsage.NONE : usage;
            stopReason = stopReason == null ? "" : stopReason;
        }
    }

    /** Receives the model's text as it is written, for a window that shows the model thinking. */
    @FunctionalInterface
    interface Stream {
        void text(String fragment);

        Stream NONE = fragment -> { };
    }
}
