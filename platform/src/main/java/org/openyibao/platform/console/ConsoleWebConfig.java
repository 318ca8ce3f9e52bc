package org.openyibao.platform.console;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's languages: Chinese (zh-CN) unless the user chose English with {@code ?lang=en}, kept in a cookie.
 * Every string comes from {@code messages.properties} (Chinese) or {@code messages_en.properties};
 * ConsoleMessagesTest fails when a key lacks its translation.
 */
@Configuration
public class ConsoleWebConfig implements WebMvcConfigurer {
    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver r = new CookieLocaleResolver("yibao-lang");
        r.setDefaultLocale(DEFAULT);
        return r;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang).addPathPatterns("/", "/login", "/console", "/console/**", "/portal", "/portal/**", "/institution", "/institution/**",
                "/insurer", "/insurer/**");
    }
}
