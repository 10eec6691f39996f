package dev.deft.llm.internal;

import dev.deft.core.LanguageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Puts tool calls together from the fragments a stream sends them in, keyed by their index in the reply. */
public final class ToolCallAssembler {
    private final Map<Integer, Parts> calls = new TreeMap<>();

    private static final class Parts {
        String id = "";
        final StringBuilder name = new StringBuilder();
        final StringBuilder arguments = new StringBuilder();
        String wholeArguments = "";
    }

    private Parts at(int index) {
        return calls.computeIfAbsent(index, i -> new Parts());
    }

    public int size() {
        return calls.size();
    }

    /** The index of the call with this id, if one was started; else -1. */
    public int indexOf(String id) {
        for (Map.Entry<Integer, Parts> entry : calls.entrySet()) {
            if (!id.isEmpty() && entry.getValue().id.equals(id)) {
                return entry.getKey();
            }
        }
        return -1;
    }

    public void id(int index, String id) {
        if (id != null && !id.isEmpty()) {
            at(index).id = id;
        }
    }

    public void name(int index, String fragment) {
        if (fragment != null) {
            at(index).name.append(fragment);
        }
    }

    public void arguments(int index, String fragment) {
        if (fragment != null) {
            at(index).arguments.append(fragment);
        }
    }

    /** Arguments sent whole at the start, used when no fragments follow. */
    public void wholeArguments(int index, String json) {
        at(index).wholeArguments = json == null ? "" : json;
    }

    public List<LanguageModel.ToolCall> calls() {
        List<LanguageModel.ToolCall> done = new ArrayList<>();
        calls.forEach((index, parts) -> {
            String arguments = parts.arguments.length() > 0 ? parts.arguments.toString() : parts.wholeArguments;
            String id = parts.id.isEmpty() ? "call_" + index : parts.id;
            done.add(new LanguageModel.ToolCall(id, parts.name.toString(), arguments));
        });
        return done;
    }
}
