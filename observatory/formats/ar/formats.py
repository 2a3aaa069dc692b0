# Django's Arabic locale leaves the date-and-time formats to the English defaults ("N j, Y, P");
# give them the Arabic order, matching its own DATE_FORMAT and TIME_FORMAT.
DATETIME_FORMAT = "j F، Y، g:i A"
SHORT_DATETIME_FORMAT = "d‏/m‏/Y g:i A"
