package dev.todo.web.account;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.CalendarApi;
import dev.todo.web.api.CalendarFeed;
import dev.todo.web.api.NewCalendarFeed;
import dev.todo.web.config.PublicApi;
import dev.todo.web.page.Pages;
import dev.todo.web.time.UserZone;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** The profile's "Calendar feed" section: make the private link, show it again, replace it or turn it off. */
@Named
@RequestScoped
public class ProfileCalendar {

    @Inject
    CalendarApi calendarApi;

    @Inject
    PublicApi publicApi;

    @Inject
    UserZone userZone;

    private Optional<CalendarFeed> feed;
    /** {@code off} while turning the feed off is being confirmed; from the URL. */
    private String confirm;

    public void create() {
        boolean had = getFeed().isPresent();
        calendarApi.create(new NewCalendarFeed(userZone.id()));
        Pages.redirect(
                "/profile#calendar-heading",
                had
                        ? "Here is your new calendar link. The old one no longer works: subscribe again with this one."
                        : "Your calendar link is ready. Add it to your calendar app as a subscription.");
    }

    public void turnOff() {
        try {
            calendarApi.turnOff();
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
        Pages.redirect("/profile#calendar-heading", "The calendar feed is off; its link no longer works.");
    }

    Optional<CalendarFeed> getFeed() {
        if (feed == null) {
            try {
                feed = Optional.of(calendarApi.get());
            } catch (ApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                feed = Optional.empty();
            }
        }
        return feed;
    }

    /** The feed, or null while there is none (Expression Language reads an Optional as its content). */
    public CalendarFeed getCurrent() {
        return getFeed().orElse(null);
    }

    /** The address calendar apps fetch: the public API URL and the feed's path. */
    public String getUrl() {
        return getFeed().map(current -> publicApi.getUrl() + current.path()).orElse(null);
    }

    /** The same with webcal:, which opens the calendar app's subscribe dialogue on most systems. */
    public String getWebcalUrl() {
        String url = getUrl();
        return url == null ? null : url.replaceFirst("^https?://", "webcal://");
    }

    public boolean isConfirmingOff() {
        // Read from the request too: on the confirming postback the view parameter is set after the form is decoded.
        return "off".equals(confirm != null ? confirm : Pages.viewParameter("calendar"))
                && getFeed().isPresent();
    }

    public String getConfirm() {
        return confirm;
    }

    public void setConfirm(String confirm) {
        this.confirm = confirm;
    }
}
