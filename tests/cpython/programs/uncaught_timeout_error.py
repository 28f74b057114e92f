raise TimeoutError("slow")
