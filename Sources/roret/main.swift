print("roret")
