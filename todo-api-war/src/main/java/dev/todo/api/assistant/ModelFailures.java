package dev.todo.api.assistant;

import static dev.todo.api.json.SharedJsonProvider.JSON;

import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import dev.todo.api.config.AssistantSettings;
import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what can go wrong at the model provider into a problem the user can act on: 502 when the provider refused
 * or failed, 503 when it is rate limiting, 504 when it did not answer in time. The conversation is named in the
 * problem and stays as it was, so the user can simply send again.
 */
final class ModelFailures {

    private static final Logger LOG = Logger.getLogger(ModelFailures.class.getName());

    private ModelFailures() {}

    static ProblemException problem(OpenAIException failure, UUID conversationId, AssistantSettings settings) {
        Problem problem;
        Map<String, String> headers = Map.of();
        if (failure instanceof UnauthorizedException || failure instanceof PermissionDeniedException) {
            problem = Problem.of(
                    502,
                    "Assistant unavailable",
                    "The model provider refused the assistant's API key. Ask the operator to check OPENAI_API_KEY.");
        } else if (failure instanceof RateLimitException) {
            problem = Problem.of(
                    503,
                    "Assistant busy",
                    "The model provider is limiting requests right now. Wait a moment and send your message again.");
            headers = Map.of("Retry-After", "10");
        } else if (failure instanceof InternalServerException) {
            problem = Problem.of(
                    502,
                    "Assistant unavailable",
                    "The model provider had an error. Send your message again in a moment.");
        } else if (failure instanceof OpenAIIoException && timedOut(failure)) {
            problem = Problem.of(
                    504,
                    "Assistant timed out",
                    "The model provider did not answer within "
                            + settings.timeout().toSeconds() + " seconds. Send your message again.");
        } else if (failure instanceof OpenAIIoException) {
            problem = Problem.of(502, "Assistant unavailable", "The model provider could not be reached.");
        } else if (failure instanceof BadRequestException || failure instanceof NotFoundException) {
            problem = Problem.of(
                    502,
                    "Assistant unavailable",
                    "The model provider rejected the request; check AI_MODEL and OPENAI_BASE_URL.");
        } else {
            problem = Problem.of(502, "Assistant unavailable", "The model provider's answer could not be used.");
        }
        int providerStatus = failure instanceof OpenAIServiceException service ? service.statusCode() : 0;
        LOG.log(Level.WARNING, "Model provider call failed (provider status {0}): {1}", new Object[] {
            providerStatus, causes(failure, settings.apiKey().orElse(null))
        });
        return new ProblemException(
                problem.with("conversationId", JSON.createValue(conversationId.toString())), headers);
    }

    /** Each exception of the chain with its message, the key blanked out wherever a provider repeats it. */
    static String causes(Throwable failure, String key) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            text.append(text.length() == 0 ? "" : "; caused by ")
                    .append(cause.getClass().getName())
                    .append(": ")
                    .append(cause.getMessage());
        }
        return key == null || key.isEmpty() ? text.toString() : text.toString().replace(key, "[API key]");
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
