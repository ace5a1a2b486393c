package dev.roster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Engine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The sign-in and a deactivate with its reason in the timeline, on PostgreSQL. */
class ConsolePostgresBrowserTest {
    @Test
    void theOwnerDeactivatesACustomerAndTheTimelineSaysWhy() {
        try (ConsoleSite site = new ConsoleSite(Engine.POSTGRES)) {
            String id = site.customer(site.api, "Postgres Clinic");
            site.signIn(site.ownerLogin, "not the password");
            assertThat(site.text()).contains("The login name or the password is wrong.");
            site.signInAsOwner();
            site.open("/console/customers/" + id);
            site.byId("lifecycle-reason").sendKeys("closed on PostgreSQL");
            site.click(By.xpath("//button[text()='Deactivate customer']"));
            assertThat(site.chrome.findElement(By.cssSelector("table.timeline")).getText())
                    .contains("express_customer.created", "express_customer.deactivated", "closed on PostgreSQL",
                            "user " + site.ownerLogin, site.ownerId);
            assertThat(site.api.get("/v1/express/" + id).json().path("isActive").asBoolean()).isFalse();
        }
    }
}
