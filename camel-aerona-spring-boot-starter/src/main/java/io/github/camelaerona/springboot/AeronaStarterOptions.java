package io.github.camelaerona.springboot;

/**
 * The starter's own keys under {@code camel.component.aerona}, which are not options of the component. The
 * component's options are in the generated {@link AeronaComponentConfiguration}, which extends this class.
 */
public abstract class AeronaStarterOptions {

    /**
     * Whether to auto-configure the aerona component.
     */
    private boolean enabled = true;
    /**
     * Keep the account's rate budget in the application's DataSource (table aerona_budget_slot, created when
     * missing), so every instance of the application that uses the same database shares one budget.
     */
    private boolean sharedBudget = false;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isSharedBudget() {
        return sharedBudget;
    }

    public void setSharedBudget(boolean sharedBudget) {
        this.sharedBudget = sharedBudget;
    }
}
