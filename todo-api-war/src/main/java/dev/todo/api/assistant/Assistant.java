package dev.todo.api.assistant;

import static dev.todo.api.json.SharedJsonProvider.JSON;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.todo.api.assistant.dto.ChatReply;
import dev.todo.api.assistant.dto.ToolCallView;
import dev.todo.api.config.AssistantSettings;
import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.telemetry.AppMetrics;
import dev.todo.api.telemetry.ModelCalls;
import dev.todo.api.tools.TaskTools;
import dev.todo.api.tools.ToolDefinition;
import dev.todo.api.tools.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One turn of a conversation: store the user's message, then let the model answer, running the task tools it asks
 * for, for at most {@link AssistantSettings#maxToolRounds()} rounds. Every message is stored as it happens and each
 * round replays the whole conversation from the database, so any replica can take the next turn, even after a
 * restart. Tools always act for the owner of the conversation, whatever the model writes.
 */
@ApplicationScoped
public class Assistant {

    static final String SYSTEM_PROMPT = """
            You are the assistant of a to-do app. You manage the user's tasks only through the tools you are given.
            - Act at once on clear requests: create, change, complete or delete the task without asking first.
              Ask a short question only when a request is truly ambiguous, for example several tasks match.
            - Resolve "it", "that", "this one" and quoted titles from the conversation so far; look tasks up with
              list_tasks or get_task when you need their id. Never invent ids.
            - After acting, confirm what you did in one or two short, friendly sentences.
            - Always answer in the language and script of the user's latest message: English to English, Urdu
              (اردو) in Urdu script to Urdu, Roman Urdu to Roman Urdu, and so on. Tool results are in English;
              tell the user what happened in their language. Keep task titles as the user wrote them.
            - Dates: give tools ISO-8601 date-times with an offset; "today" and "this week" are the user's.
              The current time is %s, in the user's time zone %s.""";

    /** Added for a token with the read scope, whose tools only read. */
    static final String READ_ONLY_NOTE = """

            - This access is read-only: you can list and read tasks and count them, but not create, change, complete
              or delete any. If the user asks for a change, say that this access cannot make it.""";

    @Inject
    AssistantSettings settings;

    @Inject
    ModelProvider provider;

    @Inject
    ConversationService conversations;

    @Inject
    TaskTools tools;

    @Inject
    ModelCalls modelCalls;

    @Inject
    AppMetrics metrics;

    Clock clock = Clock.systemUTC();

    /** 503 problem unless a provider key is configured. */
    public void requireConfigured() {
        if (!settings.configured()) {
            throw new ProblemException(Problem.of(
                    503,
                    "Assistant not configured",
                    "The assistant is not configured on this server: set OPENAI_API_KEY (or XIAOMI_API_KEY). "
                            + "Everything else works without it."));
        }
    }

    /**
     * One turn: the user's message, answered by the model and the tools it calls. {@code zone} is the user's time
     * zone (UTC when the client did not say); the model is told it, and the tools count days in it.
     */
    public ChatReply chat(
            UUID owner,
            UUID conversationId,
            String message,
            ZoneId zone,
            boolean mayWrite,
            boolean stream,
            TurnListener listener) {
        requireConfigured();
        try {
            ChatReply reply = turn(owner, conversationId, message, zone, mayWrite, stream, listener);
            metrics.chatTurn(true);
            return reply;
        } catch (RuntimeException e) {
            metrics.chatTurn(false);
            throw e;
        }
    }

    private ChatReply turn(
            UUID owner,
            UUID conversationId,
            String message,
            ZoneId zone,
            boolean mayWrite,
            boolean stream,
            TurnListener listener) {
        OpenAIClient client = provider.client().orElseThrow();
        UUID id;
        if (conversationId == null) {
            id = conversations.start(owner, message);
        } else {
            conversations.append(owner, conversationId, StoredMessage.user(message));
            id = conversationId;
        }
        listener.started(id);
        List<ToolCallView> calls = new ArrayList<>();
        for (int round = 0; ; round++) {
            ChatCompletionCreateParams request = request(conversations.history(owner, id), zone, mayWrite);
            ChatCompletionMessage answer;
            try {
                answer = modelCalls
                        .round(
                                settings.model(),
                                () -> stream
                                        ? streamed(client, request, listener)
                                        : client.chat().completions().create(request))
                        .choices()
                        .stream()
                        .findFirst()
                        .map(ChatCompletion.Choice::message)
                        .orElseThrow(() -> new OpenAIInvalidDataException("no choices in the reply"));
            } catch (OpenAIException e) {
                throw ModelFailures.problem(e, id, settings);
            }
            List<ChatCompletionMessageFunctionToolCall> requested = answer.toolCalls().orElse(List.of()).stream()
                    .filter(ChatCompletionMessageToolCall::isFunction)
                    .map(ChatCompletionMessageToolCall::asFunction)
                    .toList();
            String text = answer.content().orElse("");
            if (requested.isEmpty()) {
                return finish(owner, id, text, calls);
            }
            if (round >= settings.maxToolRounds()) {
                String stopped = "I stopped after " + settings.maxToolRounds() + " rounds of task actions without "
                        + "finishing. Please tell me how you would like to continue.";
                listener.text(stopped);
                return finish(owner, id, stopped, calls);
            }
            conversations.append(owner, id, StoredMessage.assistant(text, toolCallsJson(requested)));
            for (ChatCompletionMessageFunctionToolCall call : requested) {
                String name = call.function().name();
                String arguments = call.function().arguments();
                ToolResult result = tools.call(owner, name, arguments, zone, mayWrite);
                conversations.append(
                        owner, id, StoredMessage.tool(call.id(), name, result.content(), result.summary()));
                ToolCallView view = new ToolCallView(
                        name, ConversationService.parsedOrText(arguments), result.summary(), result.error());
                calls.add(view);
                listener.toolCalled(view);
            }
        }
    }

    private ChatReply finish(UUID owner, UUID id, String text, List<ToolCallView> calls) {
        String reply = text.isBlank() ? "Done." : text;
        conversations.append(owner, id, StoredMessage.assistant(reply, null));
        return new ChatReply(id, reply, List.copyOf(calls));
    }

    /** The streamed answer, put together; the provider is asked to count its tokens in a last chunk. */
    private static ChatCompletion streamed(
            OpenAIClient client, ChatCompletionCreateParams request, TurnListener listener) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        ChatCompletionCreateParams counted = request.toBuilder()
                .streamOptions(
                        ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        try (StreamResponse<ChatCompletionChunk> chunks =
                client.chat().completions().createStreaming(counted)) {
            chunks.stream().forEach(chunk -> {
                accumulator.accumulate(chunk);
                chunk.choices()
                        .forEach(choice -> choice.delta()
                                .content()
                                .filter(text -> !text.isEmpty())
                                .ifPresent(listener::text));
            });
        }
        try {
            return accumulator.chatCompletion();
        } catch (IllegalStateException e) {
            throw new OpenAIInvalidDataException("the stream ended before its last chunk", e);
        }
    }

    /**
     * The whole conversation, replayed from the database, with the system prompt and the tool catalogue: only the
     * reading tools, and a word about it in the prompt, for a token that may not write.
     */
    ChatCompletionCreateParams request(List<StoredMessage> history, ZoneId zone, boolean mayWrite) {
        OffsetDateTime now =
                clock.instant().truncatedTo(ChronoUnit.MINUTES).atZone(zone).toOffsetDateTime();
        ChatCompletionCreateParams.Builder request = ChatCompletionCreateParams.builder()
                .model(settings.model())
                .addSystemMessage(SYSTEM_PROMPT.formatted(now, zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId())
                        + (mayWrite ? "" : READ_ONLY_NOTE));
        for (StoredMessage message : history) {
            switch (message.role()) {
                case USER -> request.addUserMessage(message.content());
                case ASSISTANT -> request.addMessage(assistantMessage(message));
                case TOOL ->
                    request.addMessage(ChatCompletionToolMessageParam.builder()
                            .toolCallId(message.toolCallId())
                            .content(message.content())
                            .build());
            }
        }
        TaskTools.catalogue(mayWrite).forEach(tool -> request.addTool(functionTool(tool)));
        return request.build();
    }

    private static ChatCompletionAssistantMessageParam assistantMessage(StoredMessage message) {
        ChatCompletionAssistantMessageParam.Builder assistant = ChatCompletionAssistantMessageParam.builder();
        if (message.toolCalls() == null) {
            return assistant.content(message.content()).build();
        }
        if (!message.content().isEmpty()) {
            assistant.content(message.content());
        }
        ConversationService.toolCalls(message.toolCalls()).forEach(value -> {
            var call = value.asJsonObject();
            assistant.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                    .id(call.getString("id"))
                    .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                            .name(call.getString("name"))
                            .arguments(call.getString("arguments"))
                            .build())
                    .build());
        });
        return assistant.build();
    }

    /** The schema keeps its declared order, so that every request sends the tools byte for byte the same. */
    private static ChatCompletionFunctionTool functionTool(ToolDefinition tool) {
        Map<String, JsonValue> schema = new LinkedHashMap<>();
        tool.inputSchema().forEach((name, value) -> schema.put(name, JsonValue.from(value)));
        return ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder()
                        .name(tool.name())
                        .description(tool.description())
                        .parameters(FunctionParameters.builder()
                                .putAllAdditionalProperties(schema)
                                .build())
                        .build())
                .build();
    }

    private static String toolCallsJson(List<ChatCompletionMessageFunctionToolCall> calls) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        calls.forEach(call -> array.add(JSON.createObjectBuilder()
                .add("id", call.id())
                .add("name", call.function().name())
                .add("arguments", call.function().arguments())));
        return array.build().toString();
    }
}
