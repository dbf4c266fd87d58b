# $ is not an operator.
cost = $5
