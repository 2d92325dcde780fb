package io.github.camelaerona.internal.camel;

import io.github.camelaerona.AeronaEndpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelaerona.api.BudgetReport;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/** Camel's developer console page for Aerona: each endpoint's account, rate budget and logins. */
@DevConsole(name = "aerona", displayName = "Aerona", description = "Aerona accounts: rate budget and logins")
public class AeronaDevConsole extends AbstractDevConsole {

    public AeronaDevConsole() {
        super("camel", "aerona", "Aerona", "Aerona accounts: rate budget and logins");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (AeronaEndpoint endpoint : endpoints()) {
            text.append(String.format("%s%n    account: %s%n    requests left: %d, next slot in %d ms, waiting: %d, logins: %d%n"
                    + "    budget: %s%n", endpoint, endpoint.getAccount(), endpoint.getRequestsLeft(),
                    endpoint.getMillisToNextSlot(), endpoint.getWaitingCalls(), endpoint.getLogins(),
                    endpoint.getBudgetReport()));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<JsonObject> list = new ArrayList<>();
        for (AeronaEndpoint endpoint : endpoints()) {
            JsonObject jo = new JsonObject();
            jo.put("uri", endpoint.toString());
            jo.put("account", endpoint.getAccount());
            jo.put("requestsLeft", endpoint.getRequestsLeft());
            jo.put("millisToNextSlot", endpoint.getMillisToNextSlot());
            jo.put("waitingCalls", endpoint.getWaitingCalls());
            jo.put("logins", endpoint.getLogins());
            BudgetReport report = endpoint.budgetReport();
            if (report != null) {
                jo.put("budget", new JsonObject(report.asMap()));
            }
            list.add(jo);
        }
        JsonObject root = new JsonObject();
        root.put("endpoints", list);
        return root;
    }

    private List<AeronaEndpoint> endpoints() {
        List<AeronaEndpoint> result = new ArrayList<>();
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            if (endpoint instanceof AeronaEndpoint aerona && aerona.getAccount() != null) {
                result.add(aerona);
            }
        }
        return result;
    }
}
