package fr.id77.membership;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Nothing here for this person: another collectivity's data answers exactly like missing data. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotFound extends RuntimeException {}
