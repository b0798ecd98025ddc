print("hetfirm")
