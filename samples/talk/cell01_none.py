# Discuss preliminaries
