/**
 * Mail for every module: {@link bryt.shared.mail.Mail} sends plain-text messages through
 * the configured server and decides what a failure logs. A module builds its message's
 * text (in the organisation's language, from its own message keys) and hands it here.
 */
package bryt.shared.mail;
