# A character that cannot appear outside strings.
price = 5 €
