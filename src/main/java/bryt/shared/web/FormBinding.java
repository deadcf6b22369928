package bryt.shared.web;

import java.util.List;

import org.springframework.beans.BeansException;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Forms are records bound through their constructor. When a submitted value cannot be
 * converted (a date such as 2026-13-01, a number, an id, an enum), Spring records a
 * {@code typeMismatch} error, makes the record with that component left empty, and sets
 * it as the binder's target. But it opened the form's {@link BindingResult} before the
 * record existed, so that result keeps no target: the page, or a controller rejecting one
 * more field, then fails with "Cannot access properties on null bean instance" (a 500)
 * instead of showing the messages. Every controller's binder here hands out, once the
 * record exists, a result on the record with the errors of the one it replaces, so the
 * form comes back with a message by each field that could not be read; the typed text
 * stays the field's rejected value.
 */
@Component
class FormBinding implements WebMvcRegistrations {

	@Override
	public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
		return new RequestMappingHandlerAdapter() {
			@Override
			protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> binderMethods) {
				return new ServletRequestDataBinderFactory(binderMethods, getWebBindingInitializer()) {
					@Override
					protected ServletRequestDataBinder createBinderInstance(Object target, String objectName,
							NativeWebRequest request) {
						return new FormBinder(target, objectName);
					}
				};
			}
		};
	}

	/** A binder whose result holds the record made despite conversion errors. */
	static class FormBinder extends ExtendedServletRequestDataBinder {

		private BindingResult withTarget;

		FormBinder(Object target, String objectName) {
			super(target, objectName);
		}

		/**
		 * A parameter name no form sends ({@code recipients[2147483647]},
		 * {@code name[0]}) makes the binding throw instead of recording an error: a
		 * crafted request, answered 400 like other malformed ones, not a 500.
		 */
		@Override
		public void construct(ValueResolver valueResolver) {
			refuseMalformedNames(() -> super.construct(valueResolver));
		}

		@Override
		protected void doBind(MutablePropertyValues values) {
			refuseMalformedNames(() -> super.doBind(values));
		}

		private static void refuseMalformedNames(Runnable binding) {
			try {
				binding.run();
			}
			catch (IndexOutOfBoundsException | IllegalStateException | IllegalArgumentException | BeansException ex) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A form field's name is malformed");
			}
		}

		@Override
		public BindingResult getBindingResult() {
			BindingResult result = super.getBindingResult();
			if (result.getTarget() != null || getTarget() == null) {
				return result;
			}
			if (this.withTarget == null) {
				BeanPropertyBindingResult replacement = new BeanPropertyBindingResult(getTarget(), getObjectName(),
						isAutoGrowNestedPaths(), getAutoGrowCollectionLimit());
				if (getConversionService() != null) {
					replacement.initConversion(getConversionService());
				}
				replacement.addAllErrors(result);
				this.withTarget = replacement;
			}
			return this.withTarget;
		}

	}

}
