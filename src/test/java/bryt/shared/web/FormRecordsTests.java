package bryt.shared.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ModelAttribute;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link FormBinding} needs of every form: when a submitted value cannot be
 * converted, Spring makes the form record with that component {@code null}. A record with
 * a primitive component, or whose constructor refuses a {@code null}, is then not made,
 * and the page fails again. So every record a controller binds with
 * {@code @ModelAttribute}, in every module, has only reference components and can be made
 * with all of them {@code null}.
 */
class FormRecordsTests {

	@Test
	void everyFormRecordCanBeMadeWithAnyComponentLeftEmpty() throws Exception {
		Set<Class<?>> forms = formRecords();
		assertThat(forms).extracting(Class::getSimpleName)
			.contains("StaffForm", "UnitForm", "AccountForm", "PasswordForm", "ChannelForm", "QuestionForm");
		List<String> problems = new ArrayList<>();
		for (Class<?> form : forms) {
			RecordComponent[] components = form.getRecordComponents();
			Arrays.stream(components)
				.filter((component) -> component.getType().isPrimitive())
				.forEach((component) -> problems.add(form.getName() + "." + component.getName() + " is primitive"));
			Constructor<?> canonical = form.getDeclaredConstructor(
					Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
			canonical.setAccessible(true);
			try {
				canonical.newInstance(new Object[components.length]);
			}
			catch (InvocationTargetException ex) {
				problems.add(form.getName() + " refuses empty components: " + ex.getCause());
			}
			catch (IllegalArgumentException ex) {
				problems.add(form.getName() + " cannot be made with empty components: " + ex);
			}
		}
		assertThat(problems).isEmpty();
	}

	private static Set<Class<?>> formRecords() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		Set<Class<?>> forms = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
		for (BeanDefinition controller : scanner.findCandidateComponents("bryt")) {
			Class<?> type = ClassUtils.forName(controller.getBeanClassName(), FormRecordsTests.class.getClassLoader());
			for (Method method : type.getDeclaredMethods()) {
				for (Parameter parameter : method.getParameters()) {
					if (parameter.isAnnotationPresent(ModelAttribute.class) && parameter.getType().isRecord()) {
						forms.add(parameter.getType());
					}
				}
			}
		}
		return forms;
	}

}
