package nl.vioms.sladesk.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The baseline's work behind the stream entry the functions use: the same client and GetItem
 * (the baseline itself does them), with the event left unread, so the runtime deserialises
 * nothing. A reference row beside the baseline, so a reader sees how much of a function's lead
 * comes from the entry alone (docs/decisions/11-cold-start.md).
 */
public final class StreamBaselineHandler implements RequestStreamHandler {
    private final BaselineHandler work = new BaselineHandler();

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        out.write(("\"" + work.handleRequest(null, context) + "\"").getBytes(StandardCharsets.UTF_8));
    }
}
