package dev.todo.web.account;

import dev.todo.web.page.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The header's sign-out button: forgets the token in this browser. */
@Named
@RequestScoped
public class SignOut {

    @Inject
    SessionCookie sessionCookie;

    public void signOut() {
        sessionCookie.clear();
        Pages.redirect("/sign-in", "You are signed out.");
    }
}
