package bryt.shared.web;

/**
 * A module's help page, which explains its figures and rules in the user's language at
 * {@code /help/{module}}. A module contributes one the way it contributes commands: its
 * help controller implements this interface, and the index at {@code /help} lists every
 * bean of it. A figure links to its explanation with
 * {@code <a th:replace="~{fragments/help :: link('workload', 'capacity')}">}: the page
 * has a section with that id, headed by the message {@code help.workload.capacity}.
 */
public interface HelpPage {

	/** The module, as in the address {@code /help/{module}}, e.g. {@code workload}. */
	String module();

	/** The page's position in the index: smaller first. */
	int order();

}
