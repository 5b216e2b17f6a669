package nl.vioms.sladesk.monthend;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.LogContext;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.monthend.MonthEnd.ContractResult;

/**
 * The contracts of one run of {@link MonthEnd}, in parallel with at most {@code concurrency} at a
 * time (decision 09). A contract that fails is logged and recorded; the others go on.
 */
final class ContractPool {

    private ContractPool() {}

    /**
     * @param results  the results of the contracts that succeeded, in the order of the customers
     * @param failures per failed customer id, its error, in the order of the customers
     */
    record Done(List<ContractResult> results, Map<String, String> failures) {}

    static Done run(
            YearMonth month, List<Customer> customers, int concurrency, Function<Customer, ContractResult> contract) {
        List<ContractResult> results = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<ContractResult>> futures = new ArrayList<>();
            for (Customer c : customers) {
                // a contract's log lines carry the invocation's context, taken along to the pool's thread
                futures.add(pool.submit(LogContext.carrying(() -> contract.apply(c))));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    String id = customers.get(i).id();
                    failures.put(id, String.valueOf(e.getCause()));
                    Log.error(
                            "month-end-contract-failed",
                            Map.of("month", month.toString(), "customer", id, "error", String.valueOf(e.getCause())),
                            e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("month-end " + month + " interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return new Done(results, failures);
    }
}
