package dev.todo.web.page;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The sentence at the top of a form that Faces itself refused (a required field left empty, a date it could not
 * read): the first field's message, so the page says what is wrong where people look first, and not only beside a
 * field they may have scrolled past. Pages that refuse a form in their action say it themselves.
 */
@Named
@RequestScoped
public class FormErrors {

    public String getSummary() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!context.isValidationFailed() || !context.getMessageList(null).isEmpty()) {
            return null;
        }
        return context.getMessageList().stream()
                .filter(m -> FacesMessage.SEVERITY_ERROR.equals(m.getSeverity()))
                .map(FacesMessage::getSummary)
                .findFirst()
                .map(first -> "Not done yet. " + first)
                .orElse(null);
    }
}
