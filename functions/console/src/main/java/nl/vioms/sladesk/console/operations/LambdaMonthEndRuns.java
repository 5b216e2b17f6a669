package nl.vioms.sladesk.console.operations;

import java.time.YearMonth;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.WebError;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Month-end again through the month-end function itself, invoked asynchronously (decision 25):
 * a run of hundreds of contracts takes longer than an HTTP request may, and the function is the
 * one path the schedule and {@code ./sladesk month-end} take. Lambda's async queue retries it.
 */
final class LambdaMonthEndRuns implements MonthEndRuns {
    private final Services services;

    LambdaMonthEndRuns(Services services) {
        this.services = services;
    }

    @Override
    public void start(YearMonth month) {
        String function = services.setting(EnvVar.MONTH_END_FUNCTION);
        SdkBytes event = SdkBytes.fromUtf8String(Json.write(Map.of("month", month.toString())));
        try {
            LambdaClient lambda = services.lambda();
            lambda.invoke(b -> b.functionName(function)
                    .invocationType(InvocationType.EVENT)
                    .payload(event));
        } catch (IllegalStateException noLambdaHere) {
            // the local emulators have no Lambda: the CLI runs the same function in-process
            throw new WebError(
                    503,
                    "Opnieuw berekenen kan lokaal niet vanuit de console: draai ./sladesk month-end" + " --month "
                            + month + ".");
        }
    }
}
