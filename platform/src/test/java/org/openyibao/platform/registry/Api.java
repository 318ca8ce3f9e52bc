package org.openyibao.platform.registry;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.openyibao.platform.enrolment.EnrolmentController;
import org.openyibao.platform.web.ApiErrors;

/** The registry and enrolment controllers over MockMvc (no server, no security filter), with a caller's role. */
public final class Api {
    public record Reply(int status, String body) {}

    private final MockMvc mvc;

    public Api(RegistryFixture f) {
        this.mvc = MockMvcBuilders.standaloneSetup(new RegistryController(f.registry), new PersonController(f.persons),
                new EnrolmentController(f.enrolments, f.persons)).setControllerAdvice(new ApiErrors())
                // as Spring Boot configures Jackson (application.yaml): ISO dates, nulls left out
                .setMessageConverters(new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
                        .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .serializationInclusion(JsonInclude.Include.NON_NULL).build()))
                .build();
    }

    public Reply post(String path, String json) {
        return call(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json), "AGENCY");
    }

    public Reply get(String path) {
        return get(path, "AGENCY");
    }

    public Reply get(String path, String role) {
        return call(MockMvcRequestBuilders.get(path), role);
    }

    private Reply call(MockHttpServletRequestBuilder request, String role) {
        try {
            MvcResult r = mvc.perform(request.principal(new UsernamePasswordAuthenticationToken(role.toLowerCase(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + role))))).andReturn();
            return new Reply(r.getResponse().getStatus(), r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
