package io.jenkins.plugins.snykprovisioning.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium, driven through chromedriver, logged in to a {@link LocalJenkins} as {@code admin}
 * through its login form. Both binaries are Debian's ({@code chromium}, {@code chromium-driver}): Selenium is
 * given their paths, so it never looks for or downloads a browser or driver of its own. Every helper waits
 * explicitly for what it needs, up to {@link #TIMEOUT}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * Selenium looks for a DevTools binding matching Chromium's version, which these tests do not use, and
     * warns when it finds none. Held here, since the logging framework keeps loggers only weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final LocalJenkins jenkins;
    private final Path profile;
    private final ChromeDriver driver;

    private Browser(LocalJenkins jenkins, Path profile, ChromeDriver driver) {
        this.jenkins = jenkins;
        this.profile = profile;
        this.driver = driver;
    }

    /** Why no browser can run here, or null when one can. */
    static String unavailableReason() {
        return unavailableReason(List.of(CHROMIUM, CHROMEDRIVER));
    }

    /** Names the first of {@code binaries} that is not an executable file, or gives null when all are. */
    static String unavailableReason(List<Path> binaries) {
        for (Path binary : binaries) {
            if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
                return binary + " is missing or not executable (Debian's chromium and chromium-driver packages, which"
                        + " .ci/run installs)";
            }
        }
        return null;
    }

    /** Starts Chromium with a fresh profile and logs in to {@code jenkins} as admin. */
    static Browser open(LocalJenkins jenkins) throws IOException {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        Path profile = Files.createTempDirectory("acceptance-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        Browser browser;
        try {
            browser = new Browser(jenkins, profile, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            deleteRecursively(profile);
            throw e;
        }
        try {
            browser.logIn();
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    private void logIn() {
        open("login");
        visible(By.name("j_username")).sendKeys("admin");
        driver.findElement(By.name("j_password")).sendKeys(jenkins.adminPassword());
        driver.findElement(By.cssSelector("form[name='login'] button[name='Submit']")).click();
        // Anonymous users may read nothing here: away from the login pages (a failed login leads to loginError), the user is in.
        waitFor("the login of admin").until(page -> !page.getCurrentUrl().contains("/login")
                && page.findElements(By.name("j_username")).isEmpty());
    }

    /** Opens a page of Jenkins, by its path relative to the root. */
    void open(String path) {
        driver.get(jenkins.url().resolve(path).toString());
    }

    /** The page as it is now, with what scripts have changed. */
    String pageSource() {
        return driver.getPageSource();
    }

    /** Waits for {@code condition} to give something other than null or false, and gives it. */
    <T> T until(Function<WebDriver, T> condition) {
        return waitFor("the page to change").until(condition);
    }

    /** A wait of {@link #TIMEOUT} whose failure says what it waited for, and on which page. */
    private WebDriverWait waitFor(String what) {
        WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
        wait.withMessage(() -> what + " on " + driver.getCurrentUrl());
        return wait;
    }

    /** The first element of the page matched by {@code by} that is displayed, once there is one. */
    WebElement visible(By by) {
        return visible(driver, by);
    }

    /** The first element under {@code scope} matched by {@code by} that is displayed, once there is one. */
    WebElement visible(SearchContext scope, By by) {
        return waitFor("a displayed " + by).until(ignored -> scope.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Clicks {@code element} once it is clickable, scrolled to the middle of the window (clear of the sticky Save bar). */
    void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        waitFor("a clickable " + element).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Replaces the text of the field {@code field} (a textbox, number or textarea) under {@code scope}. */
    void type(SearchContext scope, String field, String text) {
        WebElement input = visible(scope, By.name("_." + field));
        input.clear();
        input.sendKeys(text);
    }

    /** Chooses {@code value} in the drop-down {@code field}, once its items have been filled in. */
    void choose(SearchContext scope, String field, String value) {
        WebElement select = visible(scope, By.cssSelector("select[name='_." + field + "']"));
        waitFor("the item " + value + " of " + field).until(
                ignored -> !select.findElements(By.cssSelector("option[value='" + value + "']")).isEmpty());
        new Select(select).selectByValue(value);
    }

    /** Chooses the item shown as {@code text} in {@code select}. */
    void chooseByText(WebElement select, String text) {
        waitFor("the item " + text).until(
                ignored -> !select.findElements(By.xpath("option[normalize-space()='" + text + "']")).isEmpty());
        new Select(select).selectByVisibleText(text);
    }

    /** Ticks or unticks the checkbox {@code field} through its label, as a person does (the box itself is drawn over). */
    void check(SearchContext scope, String field, boolean checked) {
        WebElement box = visible(scope, By.name("_." + field));
        if (box.isSelected() != checked) {
            click(box.findElement(By.xpath("following-sibling::label")));
        }
        waitFor(field + " to be " + (checked ? "ticked" : "unticked")).until(ignored -> box.isSelected() == checked);
    }

    /** The value of the field {@code field} (shown or in a closed section). */
    String value(SearchContext scope, String field) {
        return scope.findElement(By.name("_." + field)).getDomProperty("value");
    }

    /** The value chosen in the drop-down {@code field}, once its items have been filled in. */
    String chosen(SearchContext scope, String field) {
        WebElement select = scope.findElement(By.cssSelector("select[name='_." + field + "']"));
        waitFor("the items of " + field).until(ignored -> !select.findElements(By.tagName("option")).isEmpty());
        return new Select(select).getFirstSelectedOption().getDomProperty("value");
    }

    boolean isChecked(SearchContext scope, String field) {
        return scope.findElement(By.name("_." + field)).isSelected();
    }

    /** Writes a PNG of {@code element} (scrolled into view) to {@code file}. */
    void screenshot(WebElement element, Path file) {
        // The whole element, not what fits the window, and not under the form's sticky Save bar.
        Dimension window = driver.manage().window().getSize();
        int height = element.getSize().getHeight();
        driver.manage().window().setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(), height + 400)));
        showSaveBar(false);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, element.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            showSaveBar(true);
            driver.manage().window().setSize(window);
        }
    }

    private void showSaveBar(boolean shown) {
        ((JavascriptExecutor) driver).executeScript("document.querySelectorAll('#bottom-sticker, .jenkins-bottom-app-bar')"
                + ".forEach(bar => bar.style.display = arguments[0])", shown ? "" : "none");
    }

    /** Writes the window as {@code name}.png and the page as {@code name}.html into {@code dir}, to see what went wrong. */
    void keepPage(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            LocalJenkins.deleteRecursively(dir);
        } catch (IOException e) {
            // A profile left in the temporary folder does no harm.
        }
    }
}
