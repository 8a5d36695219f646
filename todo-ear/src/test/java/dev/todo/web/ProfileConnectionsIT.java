package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The profile's API tokens, MCP client settings, calendar link, and export and import, in a real browser. */
class ProfileConnectionsIT extends BrowserTest {

    @Test
    void aTokenIsShownOnceWorksWithItsScopeAndCanBeRevokedAfterConfirming() {
        signUpNewUser("Token Page");
        ProfilePageObject profile = ProfilePageObject.open(browser);

        String token = profile.makeToken("Backup script", "read", "30");
        browser.screenshot("profile-new-token");

        ApiClient script = ApiClient.withToken(token);
        assertThat(script.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(script.post("/tasks", "{\"title\": \"no\"}").statusCode()).isEqualTo(403);
        ProfilePageObject again = ProfilePageObject.open(browser);
        assertThat(browser.driver().getPageSource()).doesNotContain(token);
        assertThat(again.tokenList()).contains("Backup script", "read", "last used", "expires");

        again.revoke("Backup script");
        assertThat(browser.driver().findElement(By.cssSelector(".confirm")).getText())
                .contains("Revoke \"Backup script\"?");
        ProfilePageObject after = again.confirmRevoke();

        assertThat(after.messages()).contains("Backup script", "revoked");
        assertThat(after.has("no-tokens")).isTrue();
        assertThat(script.get("/tasks").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutANameIsNotMadeAndTheFieldSaysWhy() {
        signUpNewUser("Nameless");
        ProfilePageObject profile = ProfilePageObject.open(browser);

        browser.driver().findElement(By.id("token-form:create-token")).click();

        browser.await(driver -> driver.findElement(By.id("token-form:token-name-message"))
                        .getText()
                        .isBlank()
                ? null
                : true);
        assertThat(profile.text("token-form:token-name-message")).contains("Name the token");
        assertThat(profile.has("new-token")).isFalse();
    }

    @Test
    void theMcpSectionShowsTheServersUrlAndSettingsWithTheNewToken() {
        signUpNewUser("Mcp Page");
        ProfilePageObject profile = ProfilePageObject.open(browser);
        String url = Http.baseUrl() + "/api/mcp";
        assertThat(profile.text("mcp-url")).isEqualTo(url);

        String token = profile.makeMcpToken("read");

        JsonObject vsCode = json(profile.text("mcp-vscode"));
        JsonObject server = vsCode.getJsonObject("servers").getJsonObject("todo");
        assertThat(server.getString("type")).isEqualTo("http");
        assertThat(server.getString("url")).isEqualTo(url);
        assertThat(server.getJsonObject("headers").getString("Authorization")).isEqualTo("Bearer " + token);
        JsonObject cursor =
                json(profile.text("mcp-cursor")).getJsonObject("mcpServers").getJsonObject("todo");
        assertThat(cursor.getString("url")).isEqualTo(url);
        JsonObject claude =
                json(profile.text("mcp-claude")).getJsonObject("mcpServers").getJsonObject("todo");
        assertThat(claude.getJsonArray("args").toString()).contains(url, "mcp-remote@");
        assertThat(claude.getJsonObject("env").getString("AUTH_HEADER")).isEqualTo("Bearer " + token);
        assertThat(profile.text("mcp-inspector-cli")).contains(url, "Authorization: Bearer " + token);
        assertThat(profile.tokenList()).contains("MCP client", "read");
        assertThat(mcpInitialize(url, token).statusCode()).isEqualTo(200);

        WebElement copy = browser.driver().findElement(By.cssSelector("button[data-copy='mcp-vscode']"));
        assertThat(copy.isDisplayed()).isTrue();
        copy.click();
        browser.await(driver -> copy.getText().equals("Copy") ? null : true);
        assertThat(copy.getText()).isIn("Copied", "Press Ctrl+C");
        browser.screenshot("profile-mcp");
    }

    @Test
    void theCalendarLinkServesTheFeedUntilTurnedOff() {
        signUpNewUser("Calendar Page");
        ProfilePageObject profile = ProfilePageObject.open(browser).makeCalendarLink();

        String url = profile.text("calendar-url");
        assertThat(url).startsWith(Http.baseUrl() + "/api/calendar/").endsWith(".ics");
        assertThat(browser.driver().findElement(By.id("calendar-subscribe")).getAttribute("href"))
                .startsWith("webcal://");
        HttpResponse<String> feed = Http.get(url);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR");

        ProfilePageObject off = profile.turnCalendarOff();

        assertThat(off.messages()).contains("calendar feed is off");
        assertThat(off.has("calendar-url")).isFalse();
        assertThat(Http.get(url).statusCode()).isEqualTo(404);
    }

    @Test
    void exportDownloadsAndImportChecksThenImportsAFile() throws IOException {
        signUpNewUser("Transfer Page");
        String session = browser.cookie("todo_session").getValue();
        ApiClient user = ApiClient.withToken(session);
        user.createTask("Exported task", "\"tags\": [\"kept\"]");
        HttpResponse<String> download =
                Http.send(HttpRequest.newBuilder(URI.create(Http.baseUrl() + "/profile/export?format=json"))
                        .header("Cookie", "todo_session=" + session)
                        .GET()
                        .build());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).contains("attachment"));
        assertThat(Http.json(download).getJsonArray("tasks").getJsonObject(0).getString("title"))
                .isEqualTo("Exported task");

        Path good = Files.writeString(
                Files.createTempFile("tasks", ".csv"), "id,title,priority\n,From a file,HIGH\n,And another,\n");
        ProfilePageObject checked = ProfilePageObject.open(browser).importFile(good, true);
        assertThat(checked.text("import-summary")).contains("Would import", "2 new tasks");
        assertThat(Http.json(user.get("/tasks")).getInt("total")).isEqualTo(1);
        ProfilePageObject imported = checked.importFile(good, false);
        assertThat(imported.text("import-summary")).contains("Imported", "2 new tasks");
        assertThat(Http.json(user.get("/tasks")).getInt("total")).isEqualTo(3);

        Path bad = Files.write(
                Files.createTempFile("bad", ".csv"),
                "id,title,priority\n,Fine,\n,Wrong,URGENT\n".getBytes(StandardCharsets.UTF_8));
        ProfilePageObject refused = imported.importFile(bad, false);
        assertThat(refused.text("import-refused")).contains("row 3", "priority");
        assertThat(refused.messages()).contains("Nothing was imported");
        assertThat(Http.json(user.get("/tasks")).getInt("total")).isEqualTo(3);
        browser.screenshot("profile-import-refused");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static HttpResponse<String> mcpInitialize(String url, String token) {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-03-26\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
        return Http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(initialize))
                .build());
    }
}
