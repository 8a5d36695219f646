package dev.todo.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium with its own fresh profile. On machines with Debian's {@code chromium} and
 * {@code chromium-driver} those are used; elsewhere Selenium Manager finds a browser the usual way.
 */
public final class Browser implements AutoCloseable {

    /**
     * The resource lock of the classes that drive a browser: one Chromium at a time, as {@link BrowserTest}'s
     * subclasses share its static browser, and a second one beside the servers would slow every wait on two cores.
     */
    static final String LOCK = "browser";

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DEBIAN_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private String baseUrl;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            profile = Files.createTempDirectory("todo-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--lang=en-GB",
                        "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        if (Files.isExecutable(DEBIAN_CHROMIUM)) {
            options.setBinary(DEBIAN_CHROMIUM.toFile());
        }
        ChromeDriverService.Builder service = new ChromeDriverService.Builder();
        if (Files.isExecutable(DEBIAN_CHROMEDRIVER)) {
            service.usingDriverExecutable(DEBIAN_CHROMEDRIVER.toFile());
        }
        driver = new ChromeDriver(service.build(), options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** The path and query of the current page, without scheme and host. */
    public String currentPath() {
        String url = driver.getCurrentUrl();
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return slash < 0 ? "/" : url.substring(slash);
    }

    /**
     * Waits for the condition; an element replaced by a page load or an Ajax update while it was read just means "not
     * yet" (Chromium reports some of those as a node that "does not belong to the document").
     */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** What the pages wrote to the browser console since the last call (Chromium hands each entry out once). */
    public List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Renders the page as at this width, e.g. 375 for a phone. */
    public void width(int pixels) {
        driver.manage().window().setSize(new Dimension(pixels, 900));
    }

    /** A window of exactly this size, e.g. 1366x900 for a laptop or 390x844 for a phone. */
    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        // The window includes no browser chrome in headless mode, but make sure the page's viewport is what was asked.
        Long innerHeight = (Long) driver.executeScript("return window.innerHeight");
        if (innerHeight != null && innerHeight != height) {
            driver.manage().window().setSize(new Dimension(width, (int) (2 * height - innerHeight)));
        }
    }

    public void darkMode(boolean dark) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** Saves what the page shows now, whole page height, for people to review. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = (Long) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
            Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(before.getWidth(), (int)
                    Math.min(Math.max(height, 600), 4000)));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(before);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
